/**
 * `npm start` (and its alias `npm run demo`): Dialable with a working phone line and nothing to configure. Starts a
 * local Kamailio on a free loopback port and an auto-answering sip.js peer registered as the London number on the
 * demo page, then Chromium (or Firefox ESR with `npm start -- --firefox`) with the extension registered as `alice`,
 * and opens the demo page: the first click on a number is a real call. The demo CRM on the same origin (allowed for the
 * CTI page API in this profile only) shows a web app placing calls and hearing their events through docs/cti.md. Without a display the browser runs headless
 * and everything is printed, so the demo can be opened from another browser with the unpacked build.
 * Ctrl+C (or closing the browser) stops every process this started.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { CHROMIUM, launchChromium } from '../test/e2e/support/chromium';
import { controlPage, EXTENSION_ORIGIN, setSettings, updateSettings, updateSettingsOn } from '../test/e2e/support/extension';
import { FIREFOX, FIREFOX_ORIGIN, FIREFOX_TEST_DIST, findFirefoxPage, launchFirefox, setFirefoxSettings } from '../test/e2e/support/firefox';
import { startFixtureServer } from '../test/e2e/support/fixture-server';
import { KAMAILIO, startKamailio, type Kamailio } from '../test/e2e/sip/kamailio';
import { openPeer, startPeerServer } from '../test/e2e/sip/peer-page';

const SETUP = 'sudo bash scripts/setup-system.sh';
const NUMBER = '+442079460958';
const USERS = { alice: 'alice-secret', [NUMBER]: 'peer-secret' };
const firefox = process.argv.includes('--firefox');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const browserPath = firefox ? FIREFOX : CHROMIUM;
if (!existsSync(browserPath)) {
  const variable = firefox ? 'FIREFOX_PATH' : 'CHROMIUM_PATH';
  console.error(`${firefox ? 'Firefox ESR' : 'Chromium'} is not at ${browserPath}: run \`${SETUP}\`, or set ${variable} to your own build.`);
  process.exit(1);
}

const stops: Array<() => Promise<unknown>> = [];
const fixtures = await startFixtureServer();
stops.push(() => fixtures.close());
let sip: Kamailio | undefined;
if (existsSync(KAMAILIO)) {
  sip = await startKamailio({ users: USERS });
  stops.push(() => sip!.stop());
} else {
  console.log(`Kamailio is not installed, so the demo has no phone line (numbers are still linked): run \`${SETUP}\` for calls.`);
}
const peers = await startPeerServer();
stops.push(() => peers.close());

const browser = firefox ? await openFirefox() : await openChromium();
stops.unshift(() => browser.close());
let registered = 'no account (Kamailio is missing)';
if (sip) {
  const peer = await openPeer(browser, peers, sip, { user: NUMBER, password: USERS[NUMBER], mode: 'answer', answerDelay: 1_000, heldMicrophone: firefox });
  await peer.register();
  const saved = await saveDemoAccount(firefox ? await findFirefoxPage(browser, 'popup/welcome/welcome.html') : await controlPage(browser), sip);
  registered = saved.message;
}
const demoUrl = `${fixtures.url}/interactive/demo.html`;
const crmUrl = `${fixtures.url}/interactive/demo-crm.html`;
const page = await browser.newPage();
page.goto(demoUrl).catch(() => undefined);
await page.bringToFront().catch(() => undefined);

console.log(`Dialable (${firefox ? 'Firefox ESR, dist/firefox-test' : 'Chromium, dist/chrome'}): ${registered}`);
if (sip) console.log(`SIP server: ${sip.wsUrl}, domain ${sip.domain}, user alice, password ${USERS.alice}`);
console.log(`Demo page: ${demoUrl} — click the London number (+44 20 7946 0958); the peer answers after 1 s.`);
console.log(`Demo CRM: ${crmUrl} — a web app driving Dialable through the CTI page API (its origin is allowed in this profile).`);
if (!hasDisplay) {
  console.log('No display (DISPLAY is not set): the browser runs headless. To try it yourself, load the unpacked build');
  console.log(`(${resolve(firefox ? 'dist/firefox' : 'dist/chrome')}) into your own browser and open the demo page above.`);
}
console.log('Press Ctrl+C to stop.');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const close of stops) await close().catch(() => undefined);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
browser.on('disconnected', () => void stop());

async function openChromium(): Promise<Browser> {
  const chromium = await launchChromium({ extensionDir: resolve('dist/chrome'), headless: !hasDisplay });
  // The grant a user gives once on the welcome page; the peer page answers with the fake microphone's tone.
  await chromium.defaultBrowserContext().overridePermissions(EXTENSION_ORIGIN, ['microphone']);
  await chromium.defaultBrowserContext().overridePermissions(peers.url, ['microphone']);
  await setSettings(chromium, { defaultCountry: 'GB' });
  await updateSettings(chromium, { calling: { ctiOrigins: [new URL(fixtures.url).origin] } });
  return chromium;
}

async function openFirefox(): Promise<Browser> {
  // dist/firefox-test: the store build with a CSP that lets the local ws:// server through (see vite.config.ts).
  const ff = await launchFirefox({ extensionDir: FIREFOX_TEST_DIST, microphoneOrigins: [FIREFOX_ORIGIN, peers.url], headless: !hasDisplay });
  await setFirefoxSettings(ff, { defaultCountry: 'GB' });
  await updateSettingsOn(await findFirefoxPage(ff, 'popup/welcome/welcome.html'), { calling: { ctiOrigins: [new URL(fixtures.url).origin] } });
  return ff;
}

/** Saves the demo account the way the options page does; the reply says how registering went. */
function saveDemoAccount(extensionPage: Page, server: Kamailio): Promise<{ registered: boolean; message: string }> {
  const account = { server: server.wsUrl, username: 'alice', domain: server.domain, authUsername: '', password: USERS.alice, displayName: 'Demo', iceServers: [], register: true };
  return extensionPage.evaluate(
    (a) => chrome.runtime.sendMessage({ type: 'ui:save-account', payload: { account: a } }) as Promise<{ registered: boolean; message: string }>,
    account,
  );
}
