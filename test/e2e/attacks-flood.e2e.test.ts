import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluateInContentScript } from './support/extension';
import { answerPeerCall, timeHangUpAtPeer } from './support/peer-call';
import { expectScanBudgetSpent, FLOOD_REPLIES, SEND_SCAN_FLOOD } from './support/scan-flood';
import { PEER_NUMBER, startSipBed, type SipBed } from './support/sip-bed';

/**
 * A page that tries to keep Dialable's background busy with `page:scan` work (Chromium, Kamailio): 4 MB of the
 * text phone-number matching is slowest on, rewritten every second; or a content script that a page has
 * compromised sending batches itself. A hang-up pressed meanwhile must still end the call at the far end promptly,
 * and another tab's numbers must still be linked.
 */
let bed: SipBed;
let flood: Page | undefined;

/** Generous for a test on a shared machine; the bench measures the real figure. */
const HANGUP_MS = 2_000;

beforeAll(async () => {
  bed = await startSipBed();
});

afterAll(async () => {
  await bed?.close();
});

/** The peer calls alice and the popup answers (with the popup in front while it waits for the call). */
async function callUp(): Promise<void> {
  await bed.popup.bringToFront();
  await answerPeerCall(bed.peer, bed.popup, bed.sip.domain);
}

/** Presses the popup's hang-up and returns how long until the peer saw the call end (its BYE arrived). */
async function hangUpAtPeer(): Promise<number> {
  await bed.popup.bringToFront();
  return timeHangUpAtPeer(bed.peer, bed.popup);
}

describe('a tab flooding page:scan during a call', () => {
  test('4 MB of worst-case text rewritten every second: hang-up still ends the call at the peer at once, other tabs still link', async () => {
    await callUp();
    flood = await bed.browser.newPage();
    await flood.goto(`${bed.fixtures.url}/interactive/flood.html`);
    // Two rewrites: 8 MB of slow text on its way to the background (the page itself takes seconds per rewrite).
    await flood.waitForFunction(() => Number(document.body.dataset.rounds) >= 2, { timeout: 40_000, polling: 200 });
    expect(await hangUpAtPeer()).toBeLessThan(HANGUP_MS);

    const other = await bed.browser.newPage();
    await other.goto(`${bed.fixtures.url}/interactive/clicks.html`);
    await other.bringToFront();
    await other.waitForFunction((n) => document.querySelector(`a[data-dialable="${n}"]`) !== null, { polling: 100, timeout: 10_000 }, PEER_NUMBER);
    await other.close();
  }, 90_000);

  test('a compromised content script sending 400,000-character batches: hang-up is prompt and the tab runs out of budget', async () => {
    await callUp();
    // A tab of its own: the flooding tab of the test before has spent its budget for this minute.
    await flood?.close();
    flood = undefined;
    const page = await bed.browser.newPage();
    await page.goto(`${bed.fixtures.url}/interactive/clicks.html`);
    // In front and polled on a timer: a background tab never runs the animation frames waitForSelector polls on.
    await page.bringToFront();
    await page.waitForFunction(() => document.querySelector('a[data-dialable]') !== null, { polling: 100, timeout: 15_000 });
    // 20 batches at once, each the largest a message may be (25 texts of 16,000 slow characters): 8 MB.
    await evaluateInContentScript(page, SEND_SCAN_FLOOD);
    expect(await hangUpAtPeer()).toBeLessThan(HANGUP_MS);
    // Beyond the tab's budget the background refuses at once and says when to come back.
    expectScanBudgetSpent(await evaluateInContentScript(page, FLOOD_REPLIES));
  });
});
