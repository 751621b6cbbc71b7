import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './support/chromium';
import {
  CHROME_DIST,
  EXTENSION_ORIGIN,
  evaluateInContentScript,
  offscreenPage,
  openExtensionPage,
  controlPage,
  setSettings,
  stopServiceWorker,
} from './support/extension';
import { startFixtureServer } from './support/fixture-server';
import { exerciseCallControls } from './support/call-controls';
import { waitForLinksToSettle } from './support/settle';
import { waitForTestId } from './support/sip-bed';
import type { StaticServer } from './support/static-server';
import { startKamailio, type Kamailio } from './sip/kamailio';
import { openPeer, startPeerServer, type Peer } from './sip/peer-page';

/** Poll on a timer: `requestAnimationFrame` (puppeteer's default) never fires in a background tab. */
const POLL = { polling: 100 } as const;

/**
 * The Chrome engine end to end: options page → real registration with Kamailio (digest auth over WebSocket) → a
 * trusted click on a linked number → a real sip.js peer answers → RTP both ways; the call survives the tab and the
 * service worker; controls, failures, incoming calls, server restarts and bad credentials.
 */
const NUMBER = '+442079460958';
/** How the popup shows NUMBER during a call. */
const SHOWN = '+44 20 7946 0958';
const USERS = { alice: 'alice-secret', [NUMBER]: 'peer-secret' };

let sip: Kamailio;
let fixtures: StaticServer;
let peers: StaticServer;
let browser: Browser;
let peer: Peer;
let popup: Page;

async function text(page: Page, testId: string): Promise<string> {
  return page.$eval(`[data-testid="${testId}"]`, (el) => el.textContent ?? '');
}

async function engineStats(): Promise<{ packetsReceived: number; packetsSent: number }> {
  const offscreen = await offscreenPage(browser);
  const stats = await offscreen.evaluate(() =>
    (globalThis as unknown as { dialableEngine: { stats(): Promise<{ packetsReceived: number; packetsSent: number } | undefined> } }).dialableEngine.stats(),
  );
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

async function openPopup(): Promise<Page> {
  const page = await openExtensionPage(browser, 'popup/dialer/popup.html');
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
  const page = await browser.newPage();
  await page.goto(`${fixtures.url}/interactive/clicks.html`);
  const link = await page.waitForSelector('#plain a[data-dialable]:not([data-dialable-part])', { timeout: 10_000 });
  await link!.click();
  return page;
}

async function hangUpEverything(): Promise<void> {
  const snapshot = await peer.snapshot();
  if (snapshot.callState === 'established' || snapshot.callState === 'incoming' || snapshot.callState === 'calling') await peer.hangup().catch(() => undefined);
  await popup.waitForFunction(() => !document.querySelector('[data-testid="hangup"]'), { ...POLL, timeout: 10_000 });
}

beforeAll(async () => {
  sip = await startKamailio({ users: USERS });
  fixtures = await startFixtureServer();
  peers = await startPeerServer();
  browser = await launchChromium({ extensionDir: CHROME_DIST });
  // What a user has after allowing the microphone on the welcome page.
  await browser.defaultBrowserContext().overridePermissions(EXTENSION_ORIGIN, ['microphone']);
  await browser.defaultBrowserContext().overridePermissions(peers.url, ['microphone']);
  await setSettings(browser, { defaultCountry: 'GB' });
  peer = await openPeer(browser, peers, sip, { user: NUMBER, password: USERS[NUMBER], mode: 'answer', answerDelay: 200 });
  expect(await peer.register()).toMatchObject({ ok: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([fixtures?.close(), peers?.close(), sip?.stop()]);
});

describe('Chrome SIP engine against Kamailio', () => {
  test('the options page validates the account beside each field and saving registers', async () => {
    const options = await openExtensionPage(browser, 'popup/options/options.html');
    await options.waitForSelector('#account [name="server"]');
    const invalid = await saveAccount(options, { server: 'http://sip.example.com', username: 'alice' });
    expect(invalid).toMatch(/wss:\/\//);
    const saved = await saveAccount(options, { server: sip.wsUrl, username: 'alice', domain: sip.domain, password: USERS.alice });
    expect(saved).toContain(`Registered as alice@${sip.domain}`);
    popup = await openPopup();
    expect(await waitForTestId(popup, 'registration', /Registered/)).toContain('alice@');
    expect(await text(popup, 'call-state')).toContain('Idle');
  });

  test('content scripts cannot read the credentials', async () => {
    const page = await browser.newPage();
    await page.goto(`${fixtures.url}/interactive/clicks.html`);
    await waitForLinksToSettle(page, 300);
    const seen = JSON.stringify(await evaluateInContentScript(page, 'chrome.storage.local.get(null)'));
    expect(seen).not.toContain(USERS.alice);
    expect(seen).not.toContain('password');
    await page.close();
  });

  test('a synthetic click on a linked number places no call', async () => {
    const page = await browser.newPage();
    await page.goto(`${fixtures.url}/interactive/clicks.html`);
    await waitForLinksToSettle(page, 300);
    const before = (await peer.snapshot()).lastInvite?.receivedAt ?? 0;
    await page.evaluate(() => {
      const a = document.querySelector<HTMLAnchorElement>('a[data-dialable]')!;
      a.click();
      a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await peer.snapshot()).lastInvite?.receivedAt ?? 0).toBe(before);
    expect(await text(popup, 'call-state')).toContain('Idle');
    await page.close();
  });

  test('a trusted click calls the number; audio flows both ways; the call survives the tab and the service worker', async () => {
    const page = await clickNumber();
    const invite = await peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    expect(invite.lastInvite?.to).toContain(`sip:${NUMBER}@${sip.domain}`);
    expect(await waitForTestId(popup, 'call-state', /Connected/)).toContain(SHOWN);
    await expectAudioBothWays();

    await page.goto(`${fixtures.url}/interactive/csp.html`);
    await page.close();
    await expectAudioBothWays();

    await stopServiceWorker(popup);
    await new Promise((r) => setTimeout(r, 500));
    await expectAudioBothWays();
    await popup.close();
    popup = await openPopup();
    expect(await waitForTestId(popup, 'call-state', /Connected/)).toContain(SHOWN);
  });

  test('mute, hold/resume, DTMF and blind transfer reach the peer', async () => {
    await exerciseCallControls(popup, peer, sip.domain);
    await hangUpEverything();
  });

  test('hang up from Dialable and from the peer', async () => {
    await (await clickNumber()).close();
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'answered');
    await waitForTestId(popup, 'call-state', /Connected/);
    await popup.click('[data-testid="hangup"]');
    await peer.waitFor((s) => s.callState === 'terminated' && s.endedBy === 'remote', 5_000, 'BYE from Dialable');
    await waitForTestId(popup, 'call-state', /Ended/);

    await (await clickNumber()).close();
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'answered again');
    await waitForTestId(popup, 'call-state', /Connected/);
    await peer.hangup();
    expect(await waitForTestId(popup, 'call-state', /Ended/)).toMatch(/hung up/);
  });

  test.each([
    ['busy', /Failed.*Busy/],
    ['decline', /Failed.*Declined/],
  ] as const)('a %s peer gives a clear reason', async (mode, reason) => {
    await peer.setMode(mode);
    await (await clickNumber()).close();
    expect(await waitForTestId(popup, 'call-state', reason)).toBeTruthy();
    await peer.setMode('answer');
  });

  test('a second click while the call is set up does not start a second call; cancelling while it rings', async () => {
    await peer.setMode('ring-only');
    const invites = async () => (await peer.snapshot()).sipLog.filter((e) => e.dir === 'in' && e.line.startsWith('INVITE ')).length;
    const before = await invites();
    const page = await browser.newPage();
    await page.goto(`${fixtures.url}/interactive/clicks.html`);
    const link = await page.waitForSelector('#plain a[data-dialable]:not([data-dialable-part])', { timeout: 10_000 });
    await link!.click();
    await link!.click();
    await waitForTestId(popup, 'call-state', /Ringing/);
    await new Promise((r) => setTimeout(r, 500));
    expect((await invites()) - before).toBe(1);
    await popup.click('[data-testid="hangup"]');
    expect(await waitForTestId(popup, 'call-state', /Failed.*Cancelled/)).toBeTruthy();
    await peer.waitFor((s) => s.callState !== 'incoming', 5_000, 'the CANCEL');
    await page.close();
    await peer.setMode('answer');
  });

  test('an unknown number says not found', async () => {
    await popup.$eval('[data-testid="dial-input"]', (el) => ((el as HTMLInputElement).value = ''));
    await popup.type('[data-testid="dial-input"]', '+1 213 373 4253');
    await popup.click('[data-testid="dial"]');
    expect(await waitForTestId(popup, 'call-state', /Failed.*Not found/)).toBeTruthy();
  });

  test('an incoming call rings (notification) and is answered from the popup with audio', async () => {
    const calling = peer.call(`sip:alice@${sip.domain}`);
    await popup.waitForSelector('[data-testid="answer"]', { timeout: 10_000 });
    const control = await controlPage(browser);
    await control.waitForFunction(async () => Object.keys(await chrome.notifications.getAll()).some((id) => id.startsWith('incoming:')), {
      timeout: 5_000,
      polling: 100,
    });
    await popup.click('[data-testid="answer"]');
    expect(await calling).toMatchObject({ ok: true, status: 200 });
    await waitForTestId(popup, 'call-state', /Connected/);
    await expectAudioBothWays();
    await popup.click('[data-testid="hangup"]');
    await waitForTestId(popup, 'call-state', /Ended/);
    const history = await text(popup, 'history');
    expect(history).toContain('+44 20 7946 0958'); // the history shows numbers formatted
  });

  test('after a Kamailio restart Dialable is registered again within 5 s', async () => {
    await sip.restart();
    const restarted = Date.now();
    await peer.register();
    await waitForTestId(popup, 'registration', /Registered/, 5_000);
    await popup.waitForFunction(() => /Registered/.test(document.querySelector('[data-testid="registration"]')?.textContent ?? ''), POLL);
    expect(Date.now() - restarted).toBeLessThan(5_000);
  });

  test('server unreachable: a clear sentence, then recovery when it is back', async () => {
    await sip.stop();
    expect(await waitForTestId(popup, 'registration', /Cannot reach/, 10_000)).toContain(sip.wsUrl);
    await sip.restart();
    await waitForTestId(popup, 'registration', /Registered/, 20_000);
    await peer.register();
  });

  test('without the microphone grant a click explains it and opens the page that obtains it', async () => {
    await browser.defaultBrowserContext().clearPermissionOverrides();
    await browser.defaultBrowserContext().overridePermissions(peers.url, ['microphone']);
    const before = (await peer.snapshot()).lastInvite?.receivedAt ?? 0;
    await (await clickNumber()).close();
    const welcome = await browser.waitForTarget((t) => t.url().startsWith(`${EXTENSION_ORIGIN}/popup/welcome/welcome.html#microphone`), { timeout: 5_000 });
    const dialer = await browser.waitForTarget((t) => t.url().startsWith(`${EXTENSION_ORIGIN}/popup/dialer/popup.html?dial=`), { timeout: 5_000 });
    const dialerPage = (await dialer.page()) as Page;
    expect(await waitForTestId(dialerPage, 'message', /permission to use the microphone/)).toBeTruthy();
    expect((await peer.snapshot()).lastInvite?.receivedAt ?? 0).toBe(before);
    await dialerPage.close();
    await (await welcome.page())?.close();
    await browser.defaultBrowserContext().overridePermissions(EXTENSION_ORIGIN, ['microphone']);
  });

  test('a wrong password gives one clear error and no retry storm', async () => {
    const options = await openExtensionPage(browser, 'popup/options/options.html');
    await options.waitForSelector('#account [name="server"]');
    const before = sip.registerCount('alice');
    const saved = await saveAccount(options, { password: 'wrong-password' });
    expect(saved).toMatch(/rejected the username or password \(401\)/);
    await new Promise((r) => setTimeout(r, 15_000));
    expect(sip.registerCount('alice') - before).toBeLessThanOrEqual(4);
    expect(await text(popup, 'registration')).toMatch(/401/);
    // Put the right password back for anything that runs after.
    expect(await saveAccount(options, { password: USERS.alice })).toContain('Registered');
    await options.close();
  });
});
