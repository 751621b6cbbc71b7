import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickAdFrameLink, clickAtMiddle as mouseClick, floodClicks, openAttackPage } from './support/attack-page';
import { waitForFirefoxConfirmDialer } from './support/confirm-dialer';
import { newWindowPage, waitUntil } from './support/firefox';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { startFixtureServer } from './support/fixture-server';
import { PEER_NUMBER } from './support/sip-bed';
import type { StaticServer } from './support/static-server';

/**
 * The Firefox side of test/e2e/attacks.e2e.test.ts, for what differs there: the content script's visibility check
 * in Gecko, the sender of a click in a cross-origin frame (Firefox gives no `sender.origin`), the per-tab dial limit
 * held by an event page that Firefox suspends, and the confirm dialer opened from the event page (the engine lives in
 * the phone window). Asserted at Kamailio's INVITE log.
 */
const POLL = { polling: 100 } as const;

let bed: FirefoxBed;
let adServer: StaticServer;

const calls = () => bed.sip.inviteCalls('alice');

beforeAll(async () => {
  bed = await startFirefoxBed({ peer: false });
  adServer = await startFixtureServer();
}, 60_000);

afterAll(async () => {
  await bed?.close();
  await adServer?.close();
});

/** A new window (its own tab: the dial limit is per tab) with the attack page; `frame`: what its ad frame shows. */
async function attackPage(frame?: string): Promise<Page> {
  return openAttackPage(await newWindowPage(bed.browser), bed.fixtures, frame);
}

/** The confirm dialer window, once it shows a reason matching `reason`. */
const confirmDialer = (reason: RegExp) => waitForFirefoxConfirmDialer(bed.browser, reason);

/**
 * Proves the clicks before did nothing more: a later click on the visible premium-rate link in the same tab
 * (processed after them) opens the confirm dialer for *that* number, and Kamailio saw `callsBefore` calls.
 */
async function expectNothingHappened(page: Page, callsBefore: number): Promise<void> {
  await mouseClick(page, '#premium');
  const dialer = await confirmDialer(/premium-rate/);
  expect(dialer.number).toBe('+19005550100');
  expect(calls()).toHaveLength(callsBefore);
  await dialer.page.close();
}

describe('Firefox: a click is the user\'s intent; costly numbers are confirmed', () => {
  test('an invisible link (opacity: 0): no call, no dialer (a later visible click in the tab is the one that shows)', async () => {
    const before = calls().length;
    const page = await attackPage();
    await mouseClick(page, '#invisible');
    await mouseClick(page, '#premium');
    const dialer = await confirmDialer(/premium-rate/);
    expect(dialer.number).toBe('+19005550100');
    expect(calls()).toHaveLength(before);
    await dialer.page.close();
    await page.close();
  });

  test('premium rate: the confirm dialer names it; nothing is sent until Call, then the INVITE goes out', async () => {
    const before = calls().length;
    const page = await attackPage();
    await mouseClick(page, '#premium');
    const dialer = await confirmDialer(/premium-rate/);
    expect(dialer.reason).toBe('This is a premium-rate number (+1 900 555 0100); calls to it may cost more.');
    expect(calls()).toHaveLength(before);
    await dialer.page.click('[data-testid="dial"]');
    await dialer.page.waitForFunction(() => /Failed/.test(document.querySelector('[data-testid="call-state"]')?.textContent ?? ''), { ...POLL, timeout: 15_000 });
    expect(calls().slice(before).map((c) => c.target)).toEqual([`+19005550100@${bed.sip.domain}`]);
    await dialer.page.close();
    await page.close();
  });

  test('a link in a cross-origin frame (an ad): the confirm dialer names the frame\'s site; nothing is sent', async () => {
    const before = calls().length;
    const page = await attackPage(`${adServer.url}/interactive/ad.html`);
    await clickAdFrameLink(page);
    const dialer = await confirmDialer(/frame from another site/);
    expect(dialer.reason).toContain(`(127.0.0.1:${adServer.port})`);
    expect(dialer.number).toBe(PEER_NUMBER);
    expect(calls()).toHaveLength(before);
    await dialer.page.close();
    await page.close();
  });
});

describe('Firefox: floods', () => {
  test('a flood of trusted clicks from one tab places one call (one per tab per 2 s)', async () => {
    const before = calls().length;
    const page = await attackPage();
    await floodClicks(page, mouseClick);
    await expectNothingHappened(page, before + 1);
    expect(calls().slice(before).map((c) => c.target)).toEqual([`+442079460000@${bed.sip.domain}`]);
    await page.close();
  });

  // On Firefox the flood above does not need the dial limit: with the limit taken out it still passed (the later
  // clicks of the flood are dropped before the limit is asked). Spaced clicks, each call over before the next, are
  // stopped by the limit alone.
  test('a tab that clicks every 2.5 s, each call over before the next click, gets five calls a minute', async () => {
    const before = calls().length;
    const page = await attackPage();
    for (let i = 0; i < 7; i++) {
      const clickedAt = Date.now();
      await mouseClick(page, '#unknown-number');
      // Nobody has that number: the call fails at once (404), so the engine is idle again before the next click.
      if (i < 5) await waitUntil(async () => calls().length > before + i, 10_000, `call ${i + 1} at Kamailio`);
      await new Promise((r) => setTimeout(r, Math.max(0, clickedAt + 2_500 - Date.now())));
    }
    expect(calls().slice(before).map((c) => c.target)).toEqual(Array.from({ length: 5 }, () => `+442079460000@${bed.sip.domain}`));
    await page.close();
  }, 60_000);
});
