import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFixtureServer } from './support/fixture-server';
import { FIREFOX_ORIGIN, FIREFOX_TEST_DIST, findFirefoxPage, launchFirefox, newWindowPage, openFirefoxPage, waitUntil } from './support/firefox';
import type { StaticServer } from './support/static-server';
import { startKamailio, type Kamailio } from './sip/kamailio';
import { openPeer, startPeerServer, type Peer } from './sip/peer-page';

/**
 * The Firefox engine host end to end: Firefox ESR 153 over WebDriver BiDi, dist/firefox-test (the store build with
 * a CSP that allows ws:// on loopback), the same Kamailio and sip.js peer as the Chrome suite. The engine lives in
 * the phone window; the event page is suspended after 5 s idle here (Firefox's default is 30 s), so any state it
 * held would be lost during these tests. The microphone goes through Firefox's real permission check
 * (`media.navigator.permission.fake`) with a remembered Allow in the profile.
 */
const NUMBER = '+442079460958';
const USERS = { alice: 'alice-secret', [NUMBER]: 'peer-secret' };
const EVENT_PAGE_IDLE_MS = 5_000;
const POLL = { polling: 100 } as const;
const PHONE = 'background/phone.html';

let sip: Kamailio;
let fixtures: StaticServer;
let peers: StaticServer;
let browser: Browser;
let peer: Peer;
let popup: Page;

async function text(page: Page, testId: string): Promise<string> {
  return page.$eval(`[data-testid="${testId}"]`, (el) => el.textContent ?? '');
}

async function waitForText(page: Page, testId: string, pattern: RegExp, timeout = 10_000): Promise<string> {
  await page.waitForFunction(
    (id, source, flags) => new RegExp(source, flags).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
    { timeout, ...POLL },
    testId,
    pattern.source,
    pattern.flags,
  );
  return text(page, testId);
}

type EngineWindow = { dialableEngine: { stats(): Promise<{ packetsReceived: number; packetsSent: number } | undefined> } };

async function engineStats(): Promise<{ packetsReceived: number; packetsSent: number }> {
  const phone = await findFirefoxPage(browser, PHONE);
  const stats = await phone.evaluate(() => (globalThis as unknown as EngineWindow).dialableEngine.stats());
  if (!stats) throw new Error('no active call in the engine');
  return stats;
}

/** Audio flows both ways: RTP counters grow on the peer and in the engine over ~1 s. */
async function expectAudioBothWays(): Promise<void> {
  const [p0, e0] = [await peer.stats(), await engineStats()];
  await new Promise((r) => setTimeout(r, 1_000));
  const [p1, e1] = [await peer.stats(), await engineStats()];
  expect(p1.packetsReceived, 'peer receives RTP from Dialable').toBeGreaterThan(p0.packetsReceived + 10);
  expect(e1.packetsReceived, 'Dialable receives RTP from the peer').toBeGreaterThan(e0.packetsReceived + 10);
}

/** Whether the event page is running: extension.getViews() from the phone window lists it only while it is awake. */
async function eventPageAwake(): Promise<boolean> {
  const phone = await findFirefoxPage(browser, PHONE);
  return phone.evaluate(() => chrome.extension.getViews().some((w) => w.location.pathname === '/_generated_background_page.html'));
}

async function windowState(): Promise<string | undefined> {
  const phone = await findFirefoxPage(browser, PHONE);
  return phone.evaluate(async () => (await chrome.windows.getCurrent()).state);
}

async function openPopup(): Promise<Page> {
  const page = await openFirefoxPage(browser, 'popup/popup.html');
  await page.waitForSelector('[data-testid="registration"]');
  return page;
}

async function saveAccount(page: Page, fields: Record<string, string>): Promise<string> {
  for (const [name, value] of Object.entries(fields)) {
    await page.$eval(`#account [name="${name}"]`, (el) => ((el as HTMLInputElement).value = ''));
    await page.type(`#account [name="${name}"]`, value);
  }
  await page.click('#account button[type="submit"]');
  await page.waitForSelector('[data-testid="account-status"], #account .error', { timeout: 15_000 });
  return page.$eval('#account', (f) => (f as HTMLElement).innerText);
}

async function clickNumber(): Promise<Page> {
  const page = await newWindowPage(browser);
  await page.goto(`${fixtures.url}/interactive/clicks.html`);
  const link = await page.waitForSelector('#plain a[data-dialable]:not([data-dialable-part])', { timeout: 10_000 });
  await link!.click();
  return page;
}

beforeAll(async () => {
  sip = await startKamailio({ users: USERS });
  fixtures = await startFixtureServer();
  peers = await startPeerServer();
  browser = await launchFirefox({
    extensionDir: FIREFOX_TEST_DIST,
    microphoneOrigins: [FIREFOX_ORIGIN, peers.url],
    eventPageIdleMs: EVENT_PAGE_IDLE_MS,
  });
  const welcome = await findFirefoxPage(browser, 'popup/welcome.html');
  await welcome.evaluate(async () => {
    await chrome.storage.local.set({ settings: { version: 1, detection: { defaultCountry: 'GB' } } });
  });
  peer = await openPeer(browser, peers, sip, { user: NUMBER, password: USERS[NUMBER], mode: 'answer', answerDelay: 200, heldMicrophone: true });
  expect(await peer.register()).toMatchObject({ ok: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([fixtures?.close(), peers?.close(), sip?.stop()]);
});

describe('Firefox SIP engine (phone window) against Kamailio', () => {
  test('saving the account registers; the phone window holds the engine, minimized', async () => {
    const options = await openFirefoxPage(browser, 'popup/options.html');
    await options.waitForSelector('#account [name="server"]');
    const saved = await saveAccount(options, { server: sip.wsUrl, username: 'alice', domain: sip.domain, password: USERS.alice });
    expect(saved).toContain(`Registered as alice@${sip.domain}`);
    await options.close();
    popup = await openPopup();
    expect(await waitForText(popup, 'registration', /Registered/)).toContain('alice@');
    expect(await text(popup, 'call-state')).toContain('Idle');
    expect(await windowState()).toBe('minimized');
  });

  test('a trusted click calls the number with audio both ways; the call survives the tab and event-page suspension', async () => {
    const page = await clickNumber();
    // The click went through the event page, so it is awake now: the suspension check below means something.
    expect(await eventPageAwake()).toBe(true);
    const answered = await peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
    expect(answered.lastInvite?.to).toContain(`sip:${NUMBER}@${sip.domain}`);
    expect(await waitForText(popup, 'call-state', /Connected/)).toContain(NUMBER);
    await expectAudioBothWays();

    await page.goto(`${fixtures.url}/interactive/csp.html`);
    await page.close();
    await expectAudioBothWays();

    await waitUntil(async () => !(await eventPageAwake()), EVENT_PAGE_IDLE_MS * 4, 'the event page to be suspended');
    await expectAudioBothWays();
    await popup.close();
    popup = await openPopup();
    expect(await waitForText(popup, 'call-state', /Connected/)).toContain(NUMBER);
  });
});
