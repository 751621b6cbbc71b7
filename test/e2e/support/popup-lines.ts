import type { Browser, Page } from 'puppeteer-core';
import type { Kamailio } from '../sip/kamailio';
import { openPeer, type Peer } from '../sip/peer-page';
import type { StaticServer } from './static-server';
import { waitUntil } from './wait-until';

/** Two test peers that send steady tones of their own, so that who hears whom can be measured (see peer.js `hears`). */
export const TONE_PEERS = {
  A: { user: '+442079460959', password: 'a-secret', tone: 500 },
  B: { user: '+442079460960', password: 'b-secret', tone: 1300 },
} as const;

/** Kamailio users for {@link TONE_PEERS} (pass as the bed's `moreUsers`). */
export const TONE_PEER_USERS = { [TONE_PEERS.A.user]: TONE_PEERS.A.password, [TONE_PEERS.B.user]: TONE_PEERS.B.password };

/** Opens and registers peers A and B (auto-answering after 200 ms). */
export async function openTonePeers(browser: Browser, server: StaticServer, sip: Kamailio): Promise<{ peerA: Peer; peerB: Peer }> {
  const open = async (config: (typeof TONE_PEERS)['A' | 'B']) => {
    const peer = await openPeer(browser, server, sip, { ...config, mode: 'answer', answerDelay: 200 });
    const registered = await peer.register();
    if (!registered.ok) throw new Error(`${config.user} did not register: ${registered.status}`);
    return peer;
  };
  return { peerA: await open(TONE_PEERS.A), peerB: await open(TONE_PEERS.B) };
}

/** A peer's tone arriving through a call measures about -35 to -45 dBFS at its frequency; without it, -85 to -130. */
export const HEARD_DBFS = -55;
export const SILENT_DBFS = -75;

/**
 * The popup of a multi-call test, driven as a user would. `front`: bring the page to the front before each step
 * (Chromium runs background tabs' timers slowly; Firefox tests leave the focus where it is, with the phone window).
 */
export function popupLines(page: Page, front: boolean) {
  const ready = async () => {
    if (front) await page.bringToFront();
    return page;
  };
  /**
   * Clicks a button once it is there and enabled. Short polls and a DOM click rather than `waitForSelector` and a
   * mouse click: in a Firefox window without focus a long BiDi wait can outlive the protocol timeout.
   */
  const press = async (testId: string) => {
    const p = await ready();
    const selector = `[data-testid="${testId}"]:not([disabled])`;
    await waitUntil(async () => (await p.$$(selector)).length > 0, 10_000, `${testId} enabled in the popup`);
    if (front) await p.click(selector);
    else await p.$eval(selector, (el) => (el as HTMLButtonElement).click());
  };
  /** Replaces what a field holds: select all, delete, type; again if the popup re-rendered it meanwhile. */
  const typeInto = async (testId: string, text: string) => {
    const p = await ready();
    const field = `[data-testid="${testId}"]`;
    const shown = () => p.$eval(field, (el) => (el as HTMLInputElement).value.replace(/\D/g, ''));
    for (let attempt = 0; attempt < 3; attempt++) {
      await p.$eval(field, (el) => {
        (el as HTMLInputElement).focus();
        (el as HTMLInputElement).select();
      });
      await p.keyboard.press('Backspace');
      await p.type(field, text);
      await new Promise((r) => setTimeout(r, 200));
      if ((await shown()) === text.replace(/\D/g, '')) return;
    }
    throw new Error(`the popup's ${testId} shows "${await shown()}" after typing ${text}`);
  };
  /** The lines: "<state word>|<text>" per call. */
  const lines = async () => (await ready()).$$eval('[data-testid="line"]', (els) => els.map((el) => `${el.getAttribute('data-state')}|${el.textContent}`));
  return {
    press,
    typeInto,
    lines,
    /** Types a number and presses Call (also during a call: a second line). */
    async dial(number: string) {
      await typeInto('dial-input', number);
      await press('dial');
    },
    async waitForLines(check: (lines: string[]) => boolean, what: string, timeout = 10_000): Promise<string[]> {
      let last: string[] = [];
      await waitUntil(async () => check((last = await lines())), timeout, what).catch((error: unknown) => {
        throw new Error(`${String(error)}; lines now: ${JSON.stringify(last)}`);
      });
      return last;
    },
    /** Ends what a test left: the peers hang up, then Dialable hangs up any call still shown. */
    async endAll(peers: Peer[]) {
      for (const peer of peers) {
        const s = await peer.snapshot();
        if (['established', 'incoming', 'calling'].includes(s.callState)) await peer.hangup().catch(() => undefined);
        await peer.followRefer(false);
      }
      for (let i = 0; i < 4 && (await page.$$('[data-testid="hangup"]')).length > 0; i++) {
        await page.click('[data-testid="hangup"]').catch(() => undefined);
        await new Promise((r) => setTimeout(r, 500));
      }
      await waitUntil(async () => (await page.$$('[data-testid="hangup"]')).length === 0, 10_000, 'no call left in the popup');
    },
  };
}

/** Audio energy a peer received over `ms` (Dialable's fake microphone beeps; a held call sends silence). */
export async function receivedEnergy(peer: Peer, ms = 1_500): Promise<number> {
  const before = (await peer.stats()).totalAudioEnergy;
  await new Promise((r) => setTimeout(r, ms));
  return (await peer.stats()).totalAudioEnergy - before;
}
