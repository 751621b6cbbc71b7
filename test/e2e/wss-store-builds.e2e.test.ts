import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { freePort, startKamailio, type Kamailio } from './sip/kamailio';
import { openPeer, startPeerServer, type Peer } from './sip/peer-page';
import { acceptCertificateWarning } from './support/accept-certificate-warning';
import { launchChromium } from './support/chromium';
import { chromeExtensionOrigin } from './support/extension-origin';
import { extractZip } from './support/extract-zip';
import { FIREFOX_DIST, FIREFOX_ORIGIN, findFirefoxPage, launchFirefox, newWindowPage, openFirefoxPage, waitUntil } from './support/firefox';
import type { StaticServer } from './support/static-server';
import { createTestCa, type TestCa } from './support/test-ca';
import { chromiumNssDir, trustCa } from './support/trust-ca';

/**
 * The store builds over wss://, as users run them: the unpacked contents of the Chrome Web Store zip (no manifest
 * `key`, so an id of its own) and dist/firefox (the Firefox store build, whose extension pages upgrade insecure
 * requests), against Kamailio with TLS. The certificate comes from a throw-away CA made here, which each browser
 * trusts through its NSS database (Chromium: `$HOME/.pki/nssdb` of a throw-away HOME; Firefox: the profile's
 * cert9.db). Registration, a call and its hang-up are checked at Kamailio (transport `wss`, the binding, the INVITE)
 * and at the peer. A second Kamailio with a certificate from a CA no browser here trusts shows the certificate
 * sentence and the fix-it link; accepting the browser's warning there, as the sentence says, lets Dialable register.
 * The peers use ws:// on the first Kamailio: only the extension is under test.
 */
const CHROME_PEER = '+442079460958';
const FIREFOX_PEER = '+442079460959';
const USERS = { alice: 'alice-secret', bob: 'bob-secret', [CHROME_PEER]: 'peer-secret', [FIREFOX_PEER]: 'peer2-secret' };
const POLL = { polling: 100 } as const;
const STORE_ZIP = resolve(`dist/dialable-chrome-${pkg.version}.zip`);

let ca: TestCa;
let strangerCa: TestCa;
let sip: Kamailio;
/** The same registrar with a certificate from a CA the browsers do not trust. */
let stranger: Kamailio;
let peers: StaticServer;
let untrustedPort: number;
let closedPort: number;

beforeAll(async () => {
  ca = createTestCa('Dialable test CA');
  strangerCa = createTestCa('Untrusted CA');
  sip = await startKamailio({ users: USERS, tls: { certificatePath: ca.certificatePath, privateKeyPath: ca.privateKeyPath } });
  stranger = await startKamailio({ users: USERS, tls: { certificatePath: strangerCa.certificatePath, privateKeyPath: strangerCa.privateKeyPath } });
  untrustedPort = stranger.tlsPort!;
  peers = await startPeerServer();
  closedPort = await freePort();
}, 30_000);

afterAll(async () => {
  await Promise.all([peers?.close(), sip?.stop(), stranger?.stop()]);
  ca?.remove();
  strangerCa?.remove();
});

/** One browser with a store build: how to open our pages in it, and its peer. */
interface Subject {
  browser: Browser;
  name: 'chromium' | 'firefox';
  openPage(path: string): Promise<Page>;
  user: 'alice' | 'bob';
  peer: Peer;
  peerNumber: string;
}

/**
 * Waits until the element's text matches and answers with that text (read once: the registration text changes on
 * every retry). Polled from here in short calls, so a long wait never runs into the protocol timeout.
 */
async function waitForText(page: Page, testId: string, pattern: RegExp, timeout = 10_000): Promise<string> {
  await page.bringToFront();
  let text = '';
  await waitUntil(
    async () => {
      text = await page.$eval(`[data-testid="${testId}"]`, (el) => el.textContent ?? '').catch(() => '');
      return pattern.test(text);
    },
    timeout,
    `${testId} to match ${pattern}`,
  );
  return text;
}

/** Fills the options page's account form as a user does and saves; answers with the form's status sentence. */
async function saveAccount(subject: Subject, server: string): Promise<string> {
  const page = await subject.openPage('popup/options/options.html');
  await page.bringToFront();
  await page.waitForSelector('#account [name="server"]');
  const fields = { server, username: subject.user, domain: sip.domain, password: USERS[subject.user] };
  for (const [name, value] of Object.entries(fields)) {
    await page.$eval(`#account [name="${name}"]`, (el) => ((el as HTMLInputElement).value = ''));
    await page.type(`#account [name="${name}"]`, value);
  }
  await page.click('#account button[type="submit"]');
  // Polled in short calls (see waitForText): one waitForSelector is a single call in Firefox's WebDriver BiDi, which
  // the protocol timeout (20 s) cut short once while a loaded machine kept the answer waiting.
  const text = await waitForText(page, 'account-status', /\S/, 30_000);
  await page.close();
  return text;
}

async function registersAndCallsOverWss(subject: Subject): Promise<void> {
  const { user, peer, peerNumber } = subject;
  expect(await saveAccount(subject, sip.wssUrl!)).toBe(`Registered as ${user}@${sip.domain}`);
  // At the far end: a live binding, and every REGISTER came over TLS.
  expect(await sip.bindings(user)).toBe(1);
  expect(sip.protocols(user, 'REGISTER').length).toBeGreaterThanOrEqual(2);
  expect(new Set(sip.protocols(user, 'REGISTER'))).toEqual(new Set(['wss']));

  const popup = await subject.openPage('popup/dialer/popup.html');
  expect(await waitForText(popup, 'registration', /Registered/)).toContain(`${user}@`);
  await popup.type('[data-testid="dial-input"]', peerNumber);
  await popup.click('[data-testid="dial"]');
  const answered = await peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
  expect(answered.lastInvite?.to).toContain(`sip:${peerNumber}@${sip.domain}`);
  expect(sip.inviteCalls(user).at(-1)?.target).toBe(`${peerNumber}@${sip.domain}`);
  expect(new Set(sip.protocols(user, 'INVITE'))).toEqual(new Set(['wss']));
  await waitForText(popup, 'call-state', /Connected/);
  // Audio from the extension reaches the peer.
  const before = await peer.stats();
  await new Promise((r) => setTimeout(r, 1_000));
  expect((await peer.stats()).packetsReceived).toBeGreaterThan(before.packetsReceived + 10);

  await popup.bringToFront();
  await popup.click('[data-testid="hangup"]');
  await peer.waitFor((s) => s.callState === 'terminated' && s.endedBy === 'remote', 5_000, 'BYE from Dialable');
  await waitForText(popup, 'call-state', /Ended/);
  await popup.close();
}

/**
 * A server whose certificate this browser does not trust: the sentence and the link, and nothing reaches the server.
 * Then the user does what the sentence says: opens the link and accepts the browser's warning; the next retry
 * registers (each browser applies the exception to the extension's WebSocket too).
 */
async function untrustedCertificate(subject: Subject, sentence: RegExp): Promise<void> {
  const address = `https://127.0.0.1:${untrustedPort}/`;
  expect(await saveAccount(subject, stranger.wssUrl!)).toMatch(sentence);
  const popup = await subject.openPage('popup/dialer/popup.html');
  expect(await waitForText(popup, 'registration', sentence)).toMatch(/Next try in \d+ s/);
  // The link shows while Dialable waits for the next try (between tries it says "Connecting…" for a moment).
  const link = await (
    await popup.waitForFunction(
      () => {
        const a = document.querySelector('[data-testid="registration"] [data-testid="fix-certificate"]');
        return a && { href: a.getAttribute('href'), text: a.textContent, target: a.getAttribute('target') };
      },
      { timeout: 10_000, ...POLL },
    )
  ).jsonValue();
  expect(link).toEqual({ href: address, text: `Open https://127.0.0.1:${untrustedPort}`, target: '_blank' });
  expect(stranger.registerCount(subject.user), 'no SIP over an untrusted connection').toBe(0);

  let warning: Page;
  if (subject.name === 'chromium') {
    await popup.waitForSelector('[data-testid="fix-certificate"]', { timeout: 10_000 });
    await popup.click('[data-testid="fix-certificate"]');
    warning = (await (await subject.browser.waitForTarget((t) => t.url() === address, { timeout: 10_000 })).page()) as Page;
  } else {
    // Over WebDriver BiDi the tab a click on the link opens never showed up among puppeteer's pages, so the test
    // opens the link's address itself (the navigation rejects: the answer is Firefox's certificate error page).
    warning = await newWindowPage(subject.browser);
    await warning.goto(address).catch(() => undefined);
  }
  await acceptCertificateWarning(warning, subject.name);
  // Retries back off with full jitter (the third one within 26 s): the next one after accepting registers.
  expect(await waitForText(popup, 'registration', /Registered/, 55_000)).toContain(`${subject.user}@`);
  expect(await stranger.bindings(subject.user)).toBe(1);
  expect(new Set(stranger.protocols(subject.user, 'REGISTER'))).toEqual(new Set(['wss']));
  await warning.close();
  await popup.close();
}

/** Nothing listens: the sentence names both causes, since a browser cannot tell this from an untrusted certificate. */
async function closedPortSentence(subject: Subject): Promise<void> {
  const server = `wss://127.0.0.1:${closedPort}`;
  expect(await saveAccount(subject, server)).toMatch(
    new RegExp(`^Cannot connect to wss://127\\.0\\.0\\.1:${closedPort}: the server is unreachable, or its certificate is not trusted by this browser\\. Open https://127\\.0\\.0\\.1:${closedPort}: `),
  );
}

const certificateSentence = () => new RegExp(`^The server's certificate is not trusted by this browser: open https://127\\.0\\.0\\.1:${untrustedPort} once and accept it, or ask your administrator\\.`);
const eitherSentence = () => new RegExp(`^Cannot connect to wss://127\\.0\\.0\\.1:${untrustedPort}: the server is unreachable, or its certificate is not trusted by this browser\\. Open https://127\\.0\\.0\\.1:${untrustedPort}: if the browser warns`);

describe('Chromium: the Chrome Web Store zip, unpacked', () => {
  let subject: Subject;
  let browser: Browser | undefined;
  let home: string;
  let unpacked: string;

  beforeAll(async () => {
    unpacked = mkdtempSync(join(tmpdir(), 'dialable-store-zip-'));
    extractZip(readFileSync(STORE_ZIP), unpacked);
    home = mkdtempSync(join(tmpdir(), 'dialable-home-'));
    trustCa(chromiumNssDir(home), ca.caPath);
    browser = await launchChromium({ extensionDir: unpacked, home });
    const origin = await chromeExtensionOrigin(browser);
    await browser.defaultBrowserContext().overridePermissions(origin, ['microphone']);
    await browser.defaultBrowserContext().overridePermissions(peers.url, ['microphone']);
    const peer = await openPeer(browser, peers, sip, { user: CHROME_PEER, password: USERS[CHROME_PEER], mode: 'answer', answerDelay: 200 });
    expect(await peer.register()).toMatchObject({ ok: true });
    const chromium = browser;
    const openPage = async (path: string) => {
      const page = await chromium.newPage();
      await page.goto(`${origin}/${path}`);
      return page;
    };
    subject = { browser, name: 'chromium', openPage, user: 'alice', peer, peerNumber: CHROME_PEER };
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(home, { recursive: true, force: true });
    rmSync(unpacked, { recursive: true, force: true });
  });

  test('the zip has no manifest key, so this is not the development id', async () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('key');
    expect(await chromeExtensionOrigin(subject.browser)).not.toBe('chrome-extension://nhcibjmjhchlaihkoaidbcgoodehnnkm');
  });

  test('registers over wss://, calls the peer and hangs up', async () => {
    await registersAndCallsOverWss(subject);
  }, 60_000);

  test('an untrusted certificate: Chromium cannot tell it from an unreachable server, so the sentence names both; the link opens the warning, accepting it registers', async () => {
    await untrustedCertificate(subject, eitherSentence());
    await closedPortSentence(subject);
  }, 120_000);
});

describe('Firefox: dist/firefox (the store build)', () => {
  let subject: Subject;
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchFirefox({ extensionDir: FIREFOX_DIST, microphoneOrigins: [FIREFOX_ORIGIN, peers.url], trustedCaPaths: [ca.caPath] });
    // The welcome tab opens on install; a peer tab opened before it would lose the focus that Firefox's getUserMedia
    // waits for (the peer takes its microphone at load).
    await findFirefoxPage(browser, 'popup/welcome/welcome.html');
    const peer = await openPeer(browser, peers, sip, { user: FIREFOX_PEER, password: USERS[FIREFOX_PEER], mode: 'answer', answerDelay: 200, heldMicrophone: true });
    expect(await peer.register()).toMatchObject({ ok: true });
    const firefox = browser;
    subject = { browser, name: 'firefox', openPage: (path) => openFirefoxPage(firefox, path), user: 'bob', peer, peerNumber: FIREFOX_PEER };
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('registers over wss://, calls the peer and hangs up', async () => {
    await registersAndCallsOverWss(subject);
  }, 60_000);

  test('an untrusted certificate gets its own sentence (Firefox records how far the HTTPS check got); the link opens the warning, accepting it registers', async () => {
    await untrustedCertificate(subject, certificateSentence());
    await closedPortSentence(subject);
  }, 120_000);
});
