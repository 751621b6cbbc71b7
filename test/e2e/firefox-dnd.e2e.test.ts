import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findFirefoxPage } from './support/firefox';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { waitForText } from './support/wait-for-text';
import { waitUntil } from './support/wait-until';

/**
 * Do not disturb in Firefox, where the engine runs in the phone window and hears the popup's switch through the
 * settings store: the caller gets 486 at once and nothing rings there; switched off, calls ring again.
 */
const PHONE = 'background/phone-window/phone.html';

let bed: FirefoxBed;

const pressed = (page: Page) => page.$eval('[data-testid="dnd"]', (el) => el.getAttribute('aria-pressed'));

async function clickDnd(expected: 'true' | 'false'): Promise<void> {
  // Through the DOM: the phone window keeps the focus (it holds the microphone grant).
  await bed.popup.$eval('[data-testid="dnd"]', (button) => (button as HTMLButtonElement).click());
  await waitUntil(async () => (await pressed(bed.popup)) === expected, 5_000, `aria-pressed=${expected}`);
}

beforeAll(async () => {
  bed = await startFirefoxBed({ popup: true });
}, 60_000);

afterAll(async () => {
  await bed?.close();
});

describe('Firefox: Do not disturb', () => {
  test('on: the caller hears 486, the phone window never rings, the history and the badge say so', async () => {
    const phone = await findFirefoxPage(bed.browser, PHONE);
    await clickDnd('true');
    await waitUntil(async () => (await bed.popup.evaluate(() => chrome.action.getBadgeText({}))) === 'DND', 10_000, 'the DND badge');
    await phone.evaluate(() => {
      const seen: string[] = [];
      Object.assign(globalThis, { seenCallStates: seen });
      const state = document.querySelector('[data-testid="call-state"]')!;
      new MutationObserver(() => seen.push(state.textContent ?? '')).observe(state, { subtree: true, childList: true, characterData: true });
    });

    const outcome = await bed.peer.call(`sip:alice@${bed.sip.domain}`);
    expect(outcome).toMatchObject({ ok: false, status: 486 });
    await waitForText(bed.popup, 'history', /Rejected \(do not disturb\)/);
    const seen = await phone.evaluate(() => (globalThis as unknown as { seenCallStates: string[] }).seenCallStates);
    expect(seen.filter((s) => /Incoming/.test(s))).toEqual([]);
  });

  test('off: the next call rings in the phone window again', async () => {
    await clickDnd('false');
    const phone = await findFirefoxPage(bed.browser, PHONE);
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    await waitForText(phone, 'call-state', /Incoming/);
    await bed.peer.hangup();
    expect(await calling).toMatchObject({ ok: false, status: 487 });
  });
});
