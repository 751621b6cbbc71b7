import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Peer } from '../sip/peer-page';

/** A page script's `click()` and dispatched click on the linked number at `selector` send no INVITE within 1.5 s. */
export async function expectSyntheticClicksIgnored(page: Page, selector: string, peer: Peer): Promise<void> {
  const before = (await peer.snapshot()).lastInvite?.receivedAt ?? 0;
  await page.evaluate((s) => {
    const a = document.querySelector<HTMLAnchorElement>(s)!;
    a.click();
    a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  }, selector);
  await new Promise((r) => setTimeout(r, 1_500));
  expect((await peer.snapshot()).lastInvite?.receivedAt ?? 0).toBe(before);
}
