import type { Browser, Page } from 'puppeteer-core';
import { startKamailio, type Kamailio, type KamailioOptions } from '../sip/kamailio';
import { openPeer, startPeerServer, type Peer } from '../sip/peer-page';
import { FIREFOX_ORIGIN, FIREFOX_TEST_DIST, firefoxOwnPage, launchFirefox, openFirefoxPage } from './firefox';
import { startFixtureServer } from './fixture-server';
import { saveAccountForm } from './save-account-form';
import { waitForText } from './wait-for-text';
import { BED_USERS, PEER_NUMBER } from './sip-bed';
import type { StaticServer } from './static-server';

export interface FirefoxBed {
  sip: Kamailio;
  fixtures: StaticServer;
  browser: Browser;
  /** The auto-answering peer (registered as {@link PEER_NUMBER}), unless the bed was started without one. */
  peer: Peer;
  peerServer: StaticServer | undefined;
  /** The popup in a window of its own, if the bed was started with `popup: true`. */
  popup: Page;
  close(): Promise<void>;
}

export interface FirefoxBedOptions {
  /** More Kamailio options (the users are alice and the peer). */
  kamailio?: Omit<KamailioOptions, 'users'>;
  /** `extensions.background.idle.timeout` (Firefox's default: 30 s). */
  eventPageIdleMs?: number;
  /** Open and register the peer (default true). */
  peer?: boolean;
  /** Register alice through the options page's form, as a user does (default true). */
  register?: boolean;
  /** Open the popup (in a window) and wait until it shows the registration (default false). */
  popup?: boolean;
  /** More Kamailio users (for more peers). */
  moreUsers?: Record<string, string>;
  /** More Firefox prefs. */
  prefs?: Record<string, string | number | boolean>;
}

/**
 * The Firefox counterpart of `startSipBed`: Kamailio with digest auth, Firefox ESR with dist/firefox-test (ws:// on
 * loopback allowed) and a remembered microphone Allow for our origin, detection set to GB, optionally the sip.js peer
 * (holding its microphone, see peer.js) and alice registered. The engine runs in the phone window.
 */
export async function startFirefoxBed(options: FirefoxBedOptions = {}): Promise<FirefoxBed> {
  const withPeer = options.peer ?? true;
  const sip = await startKamailio({ users: { ...BED_USERS, ...options.moreUsers }, ...options.kamailio });
  const fixtures = await startFixtureServer();
  const peerServer = withPeer ? await startPeerServer() : undefined;
  const browser = await launchFirefox({
    extensionDir: FIREFOX_TEST_DIST,
    microphoneOrigins: [FIREFOX_ORIGIN, ...(peerServer ? [peerServer.url] : [])],
    ...(options.eventPageIdleMs ? { eventPageIdleMs: options.eventPageIdleMs } : {}),
    ...(options.prefs ? { prefs: options.prefs } : {}),
  });
  const welcome = await firefoxOwnPage(browser);
  await welcome.evaluate(async () => {
    await chrome.storage.local.set({ settings: { version: 1, detection: { defaultCountry: 'GB' } } });
  });
  let peer: Peer | undefined;
  if (peerServer) {
    peer = await openPeer(browser, peerServer, sip, { user: PEER_NUMBER, password: BED_USERS[PEER_NUMBER], mode: 'answer', answerDelay: 200, heldMicrophone: true });
    const registered = await peer.register();
    if (!registered.ok) throw new Error(`the peer did not register: ${registered.status} ${registered.reason}`);
  }
  if (options.register ?? true) {
    const form = await openFirefoxPage(browser, 'popup/options/options.html');
    await form.waitForSelector('#account [name="server"]');
    const saved = await saveAccountForm(form, { server: sip.wsUrl, username: 'alice', domain: sip.domain, password: BED_USERS.alice });
    if (!saved.includes('Registered as')) throw new Error(`alice did not register: ${saved}`);
    await form.close();
  }
  let popup: Page | undefined;
  if (options.popup) {
    popup = await openFirefoxPage(browser, 'popup/dialer/popup.html');
    await waitForText(popup, 'registration', (options.register ?? true) ? /Registered/ : /./);
  }
  return {
    sip,
    fixtures,
    browser,
    get popup(): Page {
      if (!popup) throw new Error('this bed was started without the popup');
      return popup;
    },
    get peer(): Peer {
      if (!peer) throw new Error('this bed was started without a peer');
      return peer;
    },
    peerServer,
    close: async () => {
      await browser.close();
      await Promise.all([fixtures.close(), peerServer?.close(), sip.stop()]);
    },
  };
}
