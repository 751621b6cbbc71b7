import type { Browser, Page } from 'puppeteer-core';
import { startKamailio, type Kamailio, type KamailioOptions } from '../sip/kamailio';
import { openPeer, startPeerServer, type Peer } from '../sip/peer-page';
import { launchChromium } from './chromium';
import { CHROME_DIST, controlPage, EXTENSION_ORIGIN, openExtensionPage, setSettings } from './extension';
import { startFixtureServer } from './fixture-server';
import type { StaticServer } from './static-server';
import { waitForText } from './wait-for-text';

/** The number the peer registers as (the London number on the click fixture page). */
export const PEER_NUMBER = '+442079460958';
/** How the popup shows {@link PEER_NUMBER} during a call (formatted for people). */
export const PEER_SHOWN = '+44 20 7946 0958';
/** Kamailio's users and passwords: the account Dialable registers, and the peer. */
export const BED_USERS = { alice: 'alice-secret', [PEER_NUMBER]: 'peer-secret' } as const;

export interface SipBed {
  sip: Kamailio;
  fixtures: StaticServer;
  browser: Browser;
  peer: Peer;
  /** The popup as a tab (kept in front while waiting on it: background tabs stop running). */
  popup: Page;
  peerServer: StaticServer;
  close(): Promise<void>;
}

/**
 * Kamailio with digest auth, a sip.js peer that answers as {@link PEER_NUMBER}, Chromium with the store build, the
 * microphone grant a user gives on the welcome page, and the account `alice` registered (saved the way the options
 * page saves it), then the popup opened as a tab. `lang`: the browser's UI language (English by default);
 * `kamailio`: more Kamailio options; `moreUsers`: more Kamailio users (for more peers); `configure: false` leaves the account unsaved, `popup: false` the popup closed.
 */
export async function startSipBed(
  options: { configure?: boolean; lang?: string; kamailio?: Omit<KamailioOptions, 'users'>; popup?: boolean; moreUsers?: Record<string, string>; extensionDir?: string } = {},
): Promise<SipBed> {
  const sip = await startKamailio({ users: { ...BED_USERS, ...options.moreUsers }, ...options.kamailio });
  const fixtures = await startFixtureServer();
  const peers = await startPeerServer();
  const browser = await launchChromium({ extensionDir: options.extensionDir ?? CHROME_DIST, ...(options.lang ? { lang: options.lang } : {}) });
  await browser.defaultBrowserContext().overridePermissions(EXTENSION_ORIGIN, ['microphone']);
  await browser.defaultBrowserContext().overridePermissions(peers.url, ['microphone']);
  await setSettings(browser, { defaultCountry: 'GB' });
  const peer = await openPeer(browser, peers, sip, { user: PEER_NUMBER, password: BED_USERS[PEER_NUMBER], mode: 'answer', answerDelay: 200 });
  const registered = await peer.register();
  if (!registered.ok) throw new Error(`the peer did not register: ${registered.status} ${registered.reason}`);
  if (options.configure ?? true) {
    const saved = await saveAccount(browser, sip);
    if (!saved.registered) throw new Error(`alice did not register: ${saved.message}`);
  }
  let popup: Page | undefined;
  if (options.popup ?? true) {
    popup = await openExtensionPage(browser, 'popup/dialer/popup.html');
    await popup.waitForSelector('[data-testid="registration"]');
  }
  return {
    sip,
    fixtures,
    browser,
    peer,
    get popup(): Page {
      if (!popup) throw new Error('this bed was started without the popup');
      return popup;
    },
    set popup(page: Page) {
      popup = page;
    },
    peerServer: peers,
    close: async () => {
      await browser.close();
      await Promise.all([fixtures.close(), peers.close(), sip.stop()]);
    },
  };
}

/** Saves alice's account the way the options page does (the reply says how registering went). */
export async function saveAccount(browser: Browser, sip: Kamailio, password: string = BED_USERS.alice): Promise<{ registered: boolean; message: string }> {
  const control = await controlPage(browser);
  return control.evaluate(
    (account) => chrome.runtime.sendMessage({ type: 'ui:save-account', payload: { account } }) as Promise<{ registered: boolean; message: string }>,
    { server: sip.wsUrl, username: 'alice', domain: sip.domain, authUsername: '', password, displayName: '', iceServers: [], register: true },
  );
}

/** Waits until the element's text matches, with the page in front. */
export async function waitForTestId(page: Page, testId: string, pattern: RegExp, timeout = 10_000): Promise<string> {
  await page.bringToFront();
  return waitForText(page, testId, pattern, timeout);
}

/** Ends whatever call is up (from the peer's side) and waits until the popup is idle again. */
export async function endCalls(bed: Pick<SipBed, 'peer' | 'popup'>): Promise<void> {
  const s = await bed.peer.snapshot();
  if (s.callState === 'established' || s.callState === 'incoming' || s.callState === 'calling') await bed.peer.hangup().catch(() => undefined);
  await bed.popup.waitForFunction(() => !document.querySelector('[data-testid="hangup"]'), { polling: 100, timeout: 10_000 });
}

/** INVITEs the peer has received so far. */
export async function inviteCount(peer: Peer): Promise<number> {
  return (await peer.snapshot()).sipLog.filter((e) => e.dir === 'in' && e.line.startsWith('INVITE ')).length;
}
