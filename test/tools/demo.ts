/**
 * `npm run demo`: a real call in one command. Starts Kamailio on a free loopback port, an auto-answering sip.js peer
 * that registers as +44 20 7946 0958 (it answers with the fake microphone's tone), then Chromium with Dialable
 * configured for that server and the demo page. Click the London number. Ctrl+C stops everything.
 */
import { resolve } from 'node:path';
import { launchChromium } from '../e2e/support/chromium';
import { EXTENSION_ORIGIN, offscreenPage, setSettings } from '../e2e/support/extension';
import { startFixtureServer } from '../e2e/support/fixture-server';
import { startKamailio } from '../e2e/sip/kamailio';
import { openPeer, startPeerServer } from '../e2e/sip/peer-page';

const NUMBER = '+442079460958';
const users = { alice: 'alice-secret', [NUMBER]: 'peer-secret' };
const sip = await startKamailio({ users });
const fixtures = await startFixtureServer();
const peers = await startPeerServer();
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const browser = await launchChromium({ extensionDir: resolve('dist/chrome'), headless: !hasDisplay });
await browser.defaultBrowserContext().overridePermissions(EXTENSION_ORIGIN, ['microphone']);
await browser.defaultBrowserContext().overridePermissions(peers.url, ['microphone']);
await setSettings(browser, { defaultCountry: 'GB' });

const peer = await openPeer(browser, peers, sip, { user: NUMBER, password: users[NUMBER], mode: 'answer', answerDelay: 1_000 });
await peer.register();
const engine = await offscreenPage(browser);
const result = await engine.evaluate(
  (account) =>
    (globalThis as unknown as { dialableEngine: { saveAccount(a: unknown): Promise<{ message: string }> } }).dialableEngine.saveAccount(account),
  { server: sip.wsUrl, username: 'alice', domain: sip.domain, authUsername: '', password: users.alice, displayName: 'Demo', iceServers: [], register: true },
);
const page = await browser.newPage();
await page.goto(`${fixtures.url}/interactive/demo.html`);
await page.bringToFront();
console.log(`Kamailio: ${sip.wsUrl} (domain ${sip.domain}); Dialable: ${result.message}`);
console.log(`Demo page: ${fixtures.url}/interactive/demo.html — click the London number; the peer answers after 1 s.`);
if (!hasDisplay) console.log('No display found (DISPLAY is not set): Chromium runs headless. Press Ctrl+C to stop.');

const stop = async (): Promise<void> => {
  await browser.close().catch(() => undefined);
  await Promise.all([sip.stop(), fixtures.close(), peers.close()]);
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
browser.on('disconnected', () => void stop());
