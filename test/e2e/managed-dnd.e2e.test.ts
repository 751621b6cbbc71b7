import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startKamailio, type Kamailio } from './sip/kamailio';
import { openPeer, startPeerServer, type Peer } from './sip/peer-page';
import { launchChromium } from './support/chromium';
import { writeExtensionPolicy } from './support/chromium-policy';
import { CHROME_DIST } from './support/extension';
import { copyWithNewId, type ExtensionCopy } from './support/extension-copy';
import { BED_USERS, PEER_NUMBER } from './support/sip-bed';
import type { StaticServer } from './support/static-server';
import { waitForText } from './support/wait-for-text';
import { waitUntil } from './support/wait-until';

/**
 * Do not disturb and auto-answer set by a real Chromium policy (as in managed.e2e.test.ts, for a copy of the build
 * with its own id), against Kamailio: the policy's `dnd: true` turns the peer's call away with 486 although the
 * user's own switch is off, and the popup shows the switch on and locked; `autoAnswer` locks the options' choice.
 */
const MANAGED = { dnd: true, autoAnswer: 7 };

let sip: Kamailio;
let peers: StaticServer;
let browser: Browser;
let ext: ExtensionCopy;
let policy: { remove(): void } | undefined;
let control: Page;
let peer: Peer;

async function openPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${ext.origin}/${path}`);
  return page;
}

beforeAll(async () => {
  sip = await startKamailio({ users: BED_USERS });
  peers = await startPeerServer();
  ext = copyWithNewId(CHROME_DIST);
  policy = writeExtensionPolicy(ext.id, MANAGED);
  browser = await launchChromium({ extensionDir: ext.dir });
  await browser.defaultBrowserContext().overridePermissions(ext.origin, ['microphone']);
  await browser.defaultBrowserContext().overridePermissions(peers.url, ['microphone']);
  control = await openPage('popup/welcome/welcome.html#control');
  await control.waitForFunction(async () => (await chrome.storage.managed.get()).dnd === true, { timeout: 15_000, polling: 250 });
  peer = await openPeer(browser, peers, sip, { user: PEER_NUMBER, password: BED_USERS[PEER_NUMBER], mode: 'answer', answerDelay: 200 });
  expect(await peer.register()).toMatchObject({ ok: true });
  const saved = await control.evaluate(
    (account) => chrome.runtime.sendMessage({ type: 'ui:save-account', payload: { account } }) as Promise<{ registered: boolean; message: string }>,
    { server: sip.wsUrl, username: 'alice', domain: sip.domain, authUsername: '', password: BED_USERS.alice, displayName: '', iceServers: [], register: true },
  );
  expect(saved).toMatchObject({ registered: true });
}, 60_000);

afterAll(async () => {
  try {
    await browser?.close();
    await Promise.all([peers?.close(), sip?.stop()]);
  } finally {
    policy?.remove();
    ext?.remove();
  }
});

describe('Do not disturb and auto-answer by policy', () => {
  test('dnd: true — the switch shows on and locked, the badge says DND, the caller hears 486', async () => {
    const popup = await openPage('popup/dialer/popup.html');
    await popup.bringToFront();
    await waitForText(popup, 'registration', /Registered/);
    const dnd = await popup.waitForSelector('[data-testid="dnd"]');
    expect(await dnd!.evaluate((el) => ({ pressed: el.getAttribute('aria-pressed'), disabled: (el as HTMLButtonElement).disabled }))).toEqual({ pressed: 'true', disabled: true });
    expect(await popup.$eval('#dnd-locked', (el) => el.textContent)).toBe('Do not disturb is set by your organisation.');
    // The user's own switch is off: the policy alone turns callers away.
    type Store = { dialableSettings: { load(): Promise<{ calling: { dnd: boolean } }> } };
    expect(await popup.evaluate(async () => (await (globalThis as unknown as Store).dialableSettings.load()).calling.dnd)).toBe(false);
    await waitUntil(async () => (await control.evaluate(() => chrome.action.getBadgeText({}))) === 'DND', 10_000, 'the DND badge');

    expect(await peer.call(`sip:alice@${sip.domain}`)).toMatchObject({ ok: false, status: 486 });
    await waitForText(popup, 'history', /Rejected \(do not disturb\)/);

    // A private-settings change heard by the engine page itself keeps the policy in force.
    await popup.evaluate(async () => {
      type Update = { dialableSettings: { update(p: unknown): Promise<unknown> } };
      await (globalThis as unknown as Update).dialableSettings.update({ audio: { volume: 0.9 } });
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await peer.call(`sip:alice@${sip.domain}`)).toMatchObject({ ok: false, status: 486 });
    await popup.close();
  });

  test('autoAnswer: the options show the policy’s delay, locked', async () => {
    const options = await openPage('popup/options/options.html');
    await options.waitForSelector('[data-testid="locked-autoAnswer"]', { timeout: 10_000 });
    expect(await options.$eval('select[name="autoAnswer"]', (el) => ({ value: (el as HTMLSelectElement).value, disabled: (el as HTMLSelectElement).disabled }))).toEqual({ value: '7', disabled: true });
    await options.close();
  });
});
