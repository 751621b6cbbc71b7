import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluateInFirefoxContentScript } from './support/evaluate-in-firefox-content-script';
import { newWindowPage } from './support/firefox';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { answerPeerCall, timeHangUpAtPeer } from './support/peer-call';
import { expectScanBudgetSpent, FLOOD_REPLIES, SEND_SCAN_FLOOD } from './support/scan-flood';
import { PEER_NUMBER } from './support/sip-bed';

/**
 * The Firefox side of attacks-flood.e2e.test.ts. Here the matcher runs in the event page and so does the router a
 * hang-up goes through on its way from the popup to the engine in the phone window: a tab flooding `page:scan` must
 * neither delay that hang-up nor get more than its budget of matching.
 */
let bed: FirefoxBed;
let flood: Page | undefined;

/** Generous for a test on a shared machine; the bench measures the real figure. */
const HANGUP_MS = 2_000;

beforeAll(async () => {
  bed = await startFirefoxBed({ popup: true });
}, 60_000);

afterAll(async () => {
  await bed?.close();
});

describe('Firefox: a tab flooding page:scan during a call', () => {
  test('4 MB of worst-case text rewritten every second: hang-up still ends the call at the peer at once, other tabs still link', async () => {
    await answerPeerCall(bed.peer, bed.popup, bed.sip.domain);
    flood = await newWindowPage(bed.browser);
    await flood.goto(`${bed.fixtures.url}/interactive/flood.html`);
    // Two rewrites: 8 MB of slow text on its way to the background (the page itself takes seconds per rewrite).
    await flood.waitForFunction(() => Number(document.body.dataset.rounds) >= 2, { timeout: 40_000, polling: 200 });
    expect(await timeHangUpAtPeer(bed.peer, bed.popup)).toBeLessThan(HANGUP_MS);

    const other = await newWindowPage(bed.browser);
    await other.goto(`${bed.fixtures.url}/interactive/clicks.html`);
    await other.waitForFunction((n) => document.querySelector(`a[data-dialable="${n}"]`) !== null, { polling: 100, timeout: 10_000 }, PEER_NUMBER);
    await other.close();
  }, 90_000);

  test('a compromised content script sending 400,000-character batches: hang-up is prompt and the tab runs out of budget', async () => {
    await answerPeerCall(bed.peer, bed.popup, bed.sip.domain);
    // A tab of its own: the flooding tab of the test before has spent its budget for this minute.
    await flood?.close();
    flood = undefined;
    const page = await newWindowPage(bed.browser);
    await page.goto(`${bed.fixtures.url}/interactive/clicks.html`);
    await page.waitForFunction(() => document.querySelector('a[data-dialable]') !== null, { polling: 100, timeout: 15_000 });
    await evaluateInFirefoxContentScript(bed.browser, page, SEND_SCAN_FLOOD);
    expect(await timeHangUpAtPeer(bed.peer, bed.popup)).toBeLessThan(HANGUP_MS);
    // Beyond the tab's budget the background refuses at once and says when to come back.
    expectScanBudgetSpent(await evaluateInFirefoxContentScript(bed.browser, page, FLOOD_REPLIES));
  });
});
