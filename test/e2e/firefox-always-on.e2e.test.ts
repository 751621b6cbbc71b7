import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { findFirefoxPage } from './support/firefox';
import { expectAudioBothWays } from './support/expect-audio-both-ways';
import { REGISTERED, restartBeforeNextTry, waitForRegistration } from './support/registration-wait';
import { endCalls, PEER_NUMBER } from './support/sip-bed';
import { waitForText } from './support/wait-for-text';
import { waitUntil } from './support/wait-until';
import { typeNumber } from './support/type-number';

/**
 * The always-on phone in Firefox, where the engine lives in the (minimized) phone window: the same faults as the
 * Chromium file, read from the popup and from Kamailio's location table.
 */
let bed: FirefoxBed;

beforeAll(async () => {
  bed = await startFirefoxBed({ popup: true });
}, 90_000);

afterAll(async () => {
  bed?.sip.signal('SIGCONT');
  await bed?.close();
});

const PHONE = 'background/phone-window/phone.html';
/** The page that hosts the engine: the phone window. */
const phoneWindow = (): Promise<Page> => findFirefoxPage(bed.browser, PHONE);

/** Whether a new WebSocket from the phone window to Kamailio opens (true) or fails (false). */
function socketOpens(phone: Page): Promise<boolean> {
  return phone.evaluate(
    (url) =>
      new Promise<boolean>((resolve) => {
        const socket = new WebSocket(url, 'sip');
        socket.onopen = () => {
          socket.close();
          resolve(true);
        };
        socket.onerror = () => resolve(false);
      }),
    bed.sip.wsUrl,
  );
}

// Order matters: the backoff starts over only after a minute registered (backoff.ts), and Sign in starts it over;
// the freeze test right after Sign in meets the first retry window, the kill test reads whatever window comes.
// Going offline starts the backoff over too, so the mid-call freeze follows the offline test.
describe('always-on phone (Firefox phone window, Kamailio)', () => {
  test('Sign out unregisters at the server; Sign in registers again', async () => {
    await waitForRegistration(bed.popup, REGISTERED, 10_000);
    await bed.popup.click('[data-testid="sign-out"]');
    await waitForRegistration(bed.popup, /^Signed out/, 5_000);
    expect(await bed.sip.bindings('alice')).toBe(0);
    await bed.popup.click('[data-testid="sign-out"]');
    await waitForRegistration(bed.popup, REGISTERED, 10_000);
    expect(await bed.sip.bindings('alice')).toBe(1);
  });

  test('Kamailio frozen while idle: not shown as registered after 35 s; thawed: registered within 10 s', async () => {
    await waitForRegistration(bed.popup, REGISTERED, 10_000);
    bed.sip.signal('SIGSTOP');
    try {
      expect(await waitForRegistration(bed.popup, /^Reconnecting… The server stopped answering/, 35_000)).toBeLessThan(35_000);
    } finally {
      bed.sip.signal('SIGCONT');
    }
    expect(await waitForRegistration(bed.popup, REGISTERED, 10_000)).toBeLessThan(10_000);
  }, 60_000);

  test('Kamailio killed: "Reconnecting…" within 5 s; restarted: registered within 5 s of listening', async () => {
    await waitForRegistration(bed.popup, REGISTERED, 10_000);
    bed.sip.signal('SIGKILL');
    expect(await waitForRegistration(bed.popup, /^Reconnecting… .*Next try in/, 5_000)).toBeLessThan(5_000);
    const listening = await restartBeforeNextTry(bed.popup, bed.sip);
    try {
      await waitForRegistration(bed.popup, REGISTERED, 10_000);
      expect(Date.now() - listening).toBeLessThan(5_000);
      expect(await bed.sip.bindings('alice')).toBe(1);
    } finally {
      // The peer lost its registration with the restart too; the next tests call it.
      await bed.peer.register();
    }
  }, 40_000);

  test('the phone window offline (BiDi emulation.setNetworkConditions): the "Offline" sentence within 2 s; back: registered within 5 s', async () => {
    await waitForRegistration(bed.popup, REGISTERED, 10_000);
    const phone = await phoneWindow();
    await phone.setOfflineMode(true);
    try {
      expect(await waitForRegistration(bed.popup, /^Offline: this computer has no network/, 2_000)).toBeLessThan(2_000);
      // The emulation really cuts the engine's network, not only navigator.onLine.
      expect(await phone.evaluate(() => navigator.onLine)).toBe(false);
      expect(await socketOpens(phone)).toBe(false);
    } finally {
      await phone.setOfflineMode(false);
    }
    expect(await waitForRegistration(bed.popup, REGISTERED, 5_000)).toBeLessThan(5_000);
    expect(await socketOpens(phone)).toBe(true);
    expect(await bed.sip.bindings('alice')).toBe(1);
  }, 30_000);

  test('frozen during a call: the call is kept while audio flows; after the thaw its re-INVITE is answered 200, audio flows, hang-up reaches the peer', async () => {
    await waitForRegistration(bed.popup, REGISTERED, 10_000);
    await typeNumber(bed.popup, PEER_NUMBER);
    await bed.popup.click('[data-testid="dial"]');
    await bed.peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
    await waitForText(bed.popup, 'call-state', /^Connected/);
    const invites = async () => (await bed.peer.snapshot()).sipLog.filter((e) => e.dir === 'in' && e.line.startsWith('INVITE ')).map((e) => e.cseq);
    const answered = async () =>
      (await bed.peer.snapshot()).sipLog.filter((e) => e.dir === 'out' && e.line.startsWith('SIP/2.0 200') && / INVITE$/.test(e.cseq)).map((e) => e.cseq);
    const before = (await invites()).length;
    bed.sip.signal('SIGSTOP');
    try {
      const heard = (await bed.peer.stats()).packetsReceived;
      await waitForRegistration(bed.popup, /^Reconnecting… The server stopped answering/, 35_000);
      // Media goes straight between Dialable and the peer: the frozen proxy does not stop it.
      expect((await bed.peer.stats()).packetsReceived).toBeGreaterThan(heard + 500);
      expect(await bed.popup.$eval('[data-testid="call-state"]', (el) => el.textContent ?? '')).toMatch(/^Connected/);
    } finally {
      bed.sip.signal('SIGCONT');
    }
    await waitForRegistration(bed.popup, REGISTERED, 20_000);
    await waitUntil(
      async () => {
        const ok = await answered();
        return (await invites()).slice(before).some((cseq) => ok.includes(cseq));
      },
      10_000,
      'the re-INVITE answered 200 at the peer',
    );
    await expectAudioBothWays(bed.peer, phoneWindow);
    await bed.popup.click('[data-testid="hangup"]');
    await bed.peer.waitFor((s) => s.callState === 'terminated' && s.endedBy === 'remote', 10_000, 'the BYE reached the peer');
    await endCalls(bed);
  }, 90_000);
});
