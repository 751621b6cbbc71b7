import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { offscreenPage, openExtensionPage, updateSettings } from './support/extension';
import { saveAccountForm } from './support/save-account-form';
import { endCalls, PEER_NUMBER, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';
import { testIdText } from './support/wait-for-text';
import { waitUntil } from './support/wait-until';

// Extensions (x204, ext. 204, tel:…;ext=204), pauses and waits in numbers, the per-account extension mode and the
// dial rules, each checked where it arrives. DTMF receiver: the sip.js peer decodes the RFC 4733 telephone-event
// payloads its encoded transform sees (test/e2e/sip/peer/payload-watch-worker.js → `dtmfRtpDigits`), and records
// SIP INFO bodies (`dtmfInfo`). Request URIs: Kamailio's log of each initial INVITE (`inviteCalls`).

let bed: SipBed;
let browser: Browser;
let page: Page | undefined;

/**
 * Opens the fixture page in a new tab and clicks (trusted) the element `selector`. A new tab each time: a tab may
 * start only a few calls a minute (the per-tab dial limit), and this file places more.
 */
async function click(selector: string): Promise<void> {
  await page?.close();
  page = await browser.newPage();
  await page.goto(`${bed.fixtures.url}/interactive/extensions.html`);
  const link = await page.waitForSelector(selector, { timeout: 10_000 });
  await link!.click();
}

/** The R-URI user@host of alice's last call, as Kamailio logged it. */
async function lastInviteTarget(calls: number): Promise<string> {
  await waitUntil(async () => bed.sip.inviteCalls('alice').length > calls, 10_000, 'the INVITE at Kamailio');
  return bed.sip.inviteCalls('alice').at(-1)!.target;
}

/** Saves the account form with the extension mode chosen, the rest (and the stored password) as it is. */
async function chooseExtensionMode(mode: 'dtmf' | 'comma' | 'star'): Promise<void> {
  const options = await openExtensionPage(browser, 'popup/options/options.html');
  await options.waitForSelector('#account [name="extensionMode"]');
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:get-account', payload: {} }).then(() => undefined));
  await options.select('#account [name="extensionMode"]', mode);
  expect(await saveAccountForm(options, {})).toMatch(/Registered/);
  await options.close();
}

beforeAll(async () => {
  bed = await startSipBed();
  browser = bed.browser;
});

// A failed test must not leave its call up for the next one ("already in a call").
afterEach(async () => {
  await endCalls(bed).catch(() => undefined);
});

afterAll(async () => {
  await bed?.close();
});

describe('numbers with more than digits', () => {
  test('a tel: link with ;ext=204: the number is called, and 2, 0, 4 arrive as RFC 4733 events after the delay', async () => {
    await click('#tel-ext');
    await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    const answered = Date.now();
    expect((await bed.peer.snapshot()).lastInvite?.to).toContain(`sip:${PEER_NUMBER}@${bed.sip.domain}`);
    expect(await waitForTestId(bed.popup, 'post-dial', /Dialling extension 204/)).toBeTruthy();
    const early = await bed.peer.snapshot();
    expect(early.dtmfRtpDigits, 'nothing before the extension delay').toBe('');
    const heard = await bed.peer.waitFor((s) => s.dtmfRtpDigits === '204', 10_000, 'the digits 204 as telephone-events');
    // The 2 s delay runs from the engine's "connected"; the peer's "established" is a little earlier.
    expect(Date.now() - answered).toBeGreaterThanOrEqual(1_500);
    expect(heard.dtmfInfo).toEqual([]);
    await bed.popup.waitForFunction(() => !document.querySelector('[data-testid="post-dial"]'), { polling: 100, timeout: 5_000 });
    await endCalls(bed);
  });

  test('an extension in the page\'s text (x204), linked by Dialable: the same digits after the same delay', async () => {
    await click('#text-ext a[data-dialable]');
    expect(await page!.$eval('#text-ext a[data-dialable]', (a) => [a.getAttribute('href'), a.getAttribute('data-ext')])).toEqual([`tel:${PEER_NUMBER};ext=204`, '204']);
    await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    await bed.peer.waitFor((s) => s.dtmfRtpDigits === '204', 10_000, 'the digits 204');
    await endCalls(bed);
  });

  test('SIP INFO chosen: the extension goes as INFO requests, one per digit, and no telephone-events', async () => {
    await updateSettings(browser, { calling: { dtmf: 'info' } });
    const engine = await offscreenPage(browser);
    type EngineSettings = { dialableEngine: { settings: { calling: { dtmf: string } } } };
    await engine.waitForFunction(() => (globalThis as unknown as EngineSettings).dialableEngine.settings.calling.dtmf === 'info', { polling: 100, timeout: 5_000 });
    try {
      await click('#tel-ext');
      const s = await bed.peer.waitFor((p) => p.dtmfInfo.length === 3, 10_000, 'three INFO requests');
      expect(s.dtmfInfo.map((i) => i.signal)).toEqual(['2', '0', '4']);
      expect(s.dtmfRtpDigits).toBe('');
      await endCalls(bed);
    } finally {
      await updateSettings(browser, { calling: { dtmf: 'rfc4733' } });
    }
  });

  test('pauses and waits in a typed number: "," waits 2 s, ";" waits for Send', async () => {
    const popup = bed.popup;
    await popup.bringToFront();
    await popup.type('[data-testid="dial-input"]', '+44 20 7946 0958,1;#9');
    await popup.click('[data-testid="dial"]');
    await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    expect((await bed.peer.snapshot()).lastInvite?.to).toContain(`sip:${PEER_NUMBER}@${bed.sip.domain}`);
    await bed.peer.waitFor((s) => s.dtmfRtpDigits === '1', 10_000, 'the digit after the pause');
    expect(await waitForTestId(popup, 'send-digits', /Send #9/)).toBeTruthy();
    expect(await testIdText(popup, 'post-dial')).toMatch(/Waiting to send #9/);
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await bed.peer.snapshot()).dtmfRtpDigits, 'nothing more until Send').toBe('1');
    await popup.click('[data-testid="send-digits"]');
    await bed.peer.waitFor((s) => s.dtmfRtpDigits === '1#9', 5_000, 'the digits after Send');
    await endCalls(bed);
  });

  test('a wait in a page\'s tel: link shows the same Send button', async () => {
    await click('#tel-pauses');
    await bed.peer.waitFor((s) => s.dtmfRtpDigits === '7', 10_000, 'the digit after the pause');
    await waitForTestId(bed.popup, 'send-digits', /Send #/);
    await bed.popup.click('[data-testid="send-digits"]');
    await bed.peer.waitFor((s) => s.dtmfRtpDigits === '7#', 5_000, 'the # after Send');
    await endCalls(bed);
  });

  test('the account\'s PBX takes number*ext or number,ext: the request URI carries *204 or ,204', async () => {
    await chooseExtensionMode('star');
    try {
      const before = bed.sip.inviteCalls('alice').length;
      await click('#tel-ext');
      expect(await lastInviteTarget(before)).toBe(`${PEER_NUMBER}*204@${bed.sip.domain}`);
      // Nobody is registered as +442079460958*204 at this Kamailio: the call fails there (404).
      await waitForTestId(bed.popup, 'call-state', /Failed/);
      await chooseExtensionMode('comma');
      const second = bed.sip.inviteCalls('alice').length;
      await click('#tel-ext');
      // sip.js escapes the comma in the user part; RFC 3261 §19.1.4 makes `%2C` and `,` the same URI.
      expect(await lastInviteTarget(second)).toBe(`${PEER_NUMBER}%2C204@${bed.sip.domain}`);
      await waitForTestId(bed.popup, 'call-state', /Failed/);
    } finally {
      await chooseExtensionMode('dtmf');
    }
  });

  test('dial rules set on the options page reach the SIP server: outside line 9, national format', async () => {
    const options = await openExtensionPage(browser, 'popup/options/options.html');
    await options.waitForSelector('select[name="plus"]');
    await options.select('select[name="plus"]', 'national');
    await options.type('input[name="outsidePrefix"]', '9');
    expect(await testIdText(options, 'dial-preview')).toMatch(/902079460958/);
    await options.click('#preferences button[type="submit"]');
    await waitForTestId(options, 'preferences-status', /Saved/);
    try {
      const before = bed.sip.inviteCalls('alice').length;
      await click('#tel-ext');
      expect(await lastInviteTarget(before)).toBe(`902079460958@${bed.sip.domain}`);
      await waitForTestId(bed.popup, 'call-state', /Failed/);
    } finally {
      await updateSettings(browser, { calling: { dialRules: { plus: 'keep', idd: '00', outsidePrefix: '', rewrites: [] } } });
      await options.close();
    }
  });

  test('the extension delay is a setting: 0 s sends the digits as soon as the call is connected', async () => {
    const options = await openExtensionPage(browser, 'popup/options/options.html');
    await options.waitForSelector('input[name="extensionDelay"]');
    await options.$eval('input[name="extensionDelay"]', (el) => ((el as HTMLInputElement).value = ''));
    await options.type('input[name="extensionDelay"]', '45');
    await options.click('#preferences button[type="submit"]');
    expect(await waitForTestId(options, 'error-extensionDelay', /0 to 30/)).toBeTruthy();
    await options.$eval('input[name="extensionDelay"]', (el) => ((el as HTMLInputElement).value = ''));
    await options.type('input[name="extensionDelay"]', '0');
    await options.click('#preferences button[type="submit"]');
    await waitForTestId(options, 'preferences-status', /Saved/);
    await options.close();
    await click('#tel-ext');
    await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    const answered = Date.now();
    await bed.peer.waitFor((s) => s.dtmfRtpDigits === '204', 5_000, 'the digits 204');
    expect(Date.now() - answered).toBeLessThan(1_500);
    await endCalls(bed);
    await updateSettings(browser, { calling: { extensionDelay: 2 } });
  });

  test('the in-call keypad plays a local key tone in the engine page as it sends the digit', async () => {
    await click('#text-ext a[data-dialable]');
    await bed.peer.waitFor((s) => s.dtmfRtpDigits === '204', 10_000, 'the extension first');
    await bed.popup.bringToFront();
    const keyTop = await bed.popup.$eval('[data-testid="key-5"]', (k) => k.getBoundingClientRect().top);
    await bed.popup.waitForFunction(() => !document.querySelector('[data-testid="post-dial"]'), { polling: 100, timeout: 5_000 });
    expect(await bed.popup.$eval('[data-testid="key-5"]', (k) => k.getBoundingClientRect().top), 'the keys stay put when the status goes').toBe(keyTop);
    await bed.popup.click('[data-testid="key-5"]');
    await bed.peer.waitFor((s) => s.dtmfRtpDigits === '2045', 5_000, 'the keypad digit');
    const engine = await offscreenPage(browser);
    type Tones = { dialableEngine: { keyTones: { played: string[] } } };
    expect(await engine.evaluate(() => (globalThis as unknown as Tones).dialableEngine.keyTones.played)).toEqual(['5']);
    await endCalls(bed);
  });
});
