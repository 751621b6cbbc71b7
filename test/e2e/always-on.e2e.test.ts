import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlPage, offscreenPage } from './support/extension';
import { endCalls, PEER_NUMBER, saveAccount, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';
import { startKamailio } from './sip/kamailio';
import { REGISTERED, restartBeforeNextTry, waitForRegistration } from './support/registration-wait';
import { openPeer, type Peer } from './sip/peer-page';
import { engineStats, expectAudioBothWays } from './support/expect-audio-both-ways';
import { readStoredHistory } from './support/read-stored-history';
import { waitUntil } from './support/wait-until';
import { typeNumber } from './support/type-number';

/**
 * The always-on phone against real processes (issue 19): Kamailio killed, frozen and thawed, the browser offline,
 * a registrar asking to wait, and the user signing out. Every check reads the popup a user sees and, where it can,
 * Kamailio's own state (bindings, REGISTERs in its log) or the peer's.
 */
let bed: SipBed;

beforeAll(async () => {
  bed = await startSipBed();
}, 60_000);

afterAll(async () => {
  bed?.sip.signal('SIGCONT');
  await bed?.close();
});

const registration = (pattern: RegExp, timeout: number) => waitForRegistration(bed.popup, pattern, timeout);
const msUntil = registration;

/** The text of `[data-testid=<id>]` ('' while it is not there). */
function textOf(testId: string): Promise<string> {
  return bed.popup.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', testId);
}

/** Polls the popup (in front) until `testId`'s text matches; answers how long that took. */
async function msUntilText(testId: string, pattern: RegExp, timeout: number): Promise<number> {
  await bed.popup.bringToFront();
  const start = Date.now();
  await waitUntil(async () => pattern.test(await textOf(testId)), timeout, `${testId} to match ${pattern}`);
  return Date.now() - start;
}

/** Calls the peer from the popup and waits until both sides are connected. */
async function callPeer(): Promise<void> {
  await bed.popup.bringToFront();
  await typeNumber(bed.popup, PEER_NUMBER);
  await bed.popup.click('[data-testid="dial"]');
  await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
  await waitForTestId(bed.popup, 'call-state', /^Connected/);
}

/** INVITEs the peer got in the current call and its answers to them, by CSeq. */
async function invitesAnswered(): Promise<{ invites: string[]; ok: string[] }> {
  const log = (await bed.peer.snapshot()).sipLog;
  return {
    invites: log.filter((e) => e.dir === 'in' && e.line.startsWith('INVITE ')).map((e) => e.cseq),
    ok: log.filter((e) => e.dir === 'out' && e.line.startsWith('SIP/2.0 200') && / INVITE$/.test(e.cseq)).map((e) => e.cseq),
  };
}

async function badgeText(): Promise<string> {
  return (await controlPage(bed.browser)).evaluate(() => chrome.action.getBadgeText({}));
}

describe('always-on phone (Chromium, Kamailio)', () => {
  test('Sign out unregisters at the server and stops; Sign in registers again', async () => {
    await waitForTestId(bed.popup, 'registration', REGISTERED);
    expect(await bed.sip.bindings('alice')).toBe(1);
    await bed.popup.click('[data-testid="sign-out"]');
    await waitForTestId(bed.popup, 'registration', /^Signed out/);
    expect(await bed.sip.bindings('alice')).toBe(0);
    expect(await badgeText()).toBe('OFF');
    const registers = bed.sip.registerCount('alice');
    await new Promise((r) => setTimeout(r, 3_000));
    expect(bed.sip.registerCount('alice')).toBe(registers);
    expect(await bed.popup.$eval('[data-testid="sign-out"]', (el) => el.textContent)).toBe('Sign in');
    await bed.popup.click('[data-testid="sign-out"]');
    await waitForTestId(bed.popup, 'registration', REGISTERED);
    expect(await bed.sip.bindings('alice')).toBe(1);
  });

  test('Kamailio killed (SIGKILL): "Reconnecting…" within 5 s; restarted: registered within 5 s of listening', async () => {
    await waitForTestId(bed.popup, 'registration', REGISTERED);
    bed.sip.signal('SIGKILL');
    expect(await msUntil(/^Reconnecting… .*Next try in/, 5_000)).toBeLessThan(5_000);
    const listening = await restartBeforeNextTry(bed.popup, bed.sip);
    try {
      await registration(REGISTERED, 10_000);
      expect(Date.now() - listening).toBeLessThan(5_000);
      expect(await bed.sip.bindings('alice')).toBe(1);
    } finally {
      // The peer lost its registration with the restart too; the next tests call it.
      await bed.peer.register();
    }
  }, 40_000);

  test('the browser offline (CDP): the "Offline" sentence within 2 s; back online: registered within 5 s', async () => {
    await waitForTestId(bed.popup, 'registration', REGISTERED);
    const engine = await offscreenPage(bed.browser);
    await engine.setOfflineMode(true);
    try {
      expect(await msUntil(/^Offline: this computer has no network/, 2_000)).toBeLessThan(2_000);
    } finally {
      await engine.setOfflineMode(false);
    }
    expect(await msUntil(REGISTERED, 5_000)).toBeLessThan(5_000);
  });

  test('Kamailio frozen (SIGSTOP) while idle: not shown as registered after 35 s; thawed: registered within 10 s', async () => {
    await waitForTestId(bed.popup, 'registration', REGISTERED);
    const frozenAt = Date.now();
    bed.sip.signal('SIGSTOP');
    try {
      await registration(/^Reconnecting… The server stopped answering/, 35_000);
      expect(Date.now() - frozenAt).toBeLessThan(35_000);
    } finally {
      bed.sip.signal('SIGCONT');
    }
    expect(await msUntil(REGISTERED, 10_000)).toBeLessThan(10_000);
  }, 60_000);

  test('frozen during a call: the audio keeps flowing, the call is kept, and hang-up ends it at the peer once the proxy is back', async () => {
    await waitForTestId(bed.popup, 'registration', REGISTERED);
    await typeNumber(bed.popup, PEER_NUMBER);
    await bed.popup.click('[data-testid="dial"]');
    await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    const before = await invitesAnswered();
    bed.sip.signal('SIGSTOP');
    try {
      const heard = (await bed.peer.stats()).packetsReceived;
      await registration(/^Reconnecting… The server stopped answering/, 35_000);
      // Media goes straight between the two browsers: the frozen proxy does not stop it.
      expect((await bed.peer.stats()).packetsReceived).toBeGreaterThan(heard + 500);
      expect(await bed.popup.$eval('[data-testid="call-state"]', (el) => el.textContent ?? '')).toMatch(/Connected/);
    } finally {
      bed.sip.signal('SIGCONT');
    }
    await registration(REGISTERED, 20_000);
    // Reconnected under the call: its re-INVITE (ICE restart) reached the peer, which answered 200, and audio flows
    // both ways afterwards.
    await waitUntil(
      async () => {
        const now = await invitesAnswered();
        return now.invites.slice(before.invites.length).some((cseq) => now.ok.includes(cseq));
      },
      10_000,
      'the re-INVITE answered 200 at the peer',
    );
    await expectAudioBothWays(bed.peer, () => offscreenPage(bed.browser));
    expect(await bed.popup.$eval('[data-testid="call-state"]', (el) => el.textContent ?? '')).toMatch(/Connected/);
    await bed.popup.click('[data-testid="hangup"]');
    await bed.peer.waitFor((s) => s.callState === 'terminated', 10_000, 'the BYE reached the peer');
    await endCalls(bed);
  }, 90_000);

  test('the other side stops sending audio: "No audio from the other side" within 15 s; gone once audio flows again', async () => {
    await waitForTestId(bed.popup, 'registration', REGISTERED);
    await callPeer();
    const engine = await offscreenPage(bed.browser);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await textOf('no-audio')).toBe('');
    await bed.peer.stopSending(true);
    const stoppedAt = Date.now();
    const before = (await engineStats(engine)).packetsReceived;
    await msUntilText('no-audio', /^No audio from the other side/, 15_000);
    const shownAfter = Date.now() - stoppedAt;
    expect(shownAfter).toBeLessThan(15_000);
    // The RTP really stopped (Dialable's own counter), while the call goes on and the peer still hears Dialable.
    expect((await engineStats(engine)).packetsReceived).toBeLessThan(before + 10);
    const heard = (await bed.peer.stats()).packetsReceived;
    expect(await textOf('call-state')).toMatch(/^Connected/);
    await bed.peer.stopSending(false);
    const clearedAfter = await msUntilText('no-audio', /^$/, 6_000);
    console.log(`[no audio] shown ${shownAfter} ms after the peer stopped sending; gone ${clearedAfter} ms after it resumed`);
    expect((await engineStats(engine)).packetsReceived).toBeGreaterThan(before + 10);
    expect((await bed.peer.stats()).packetsReceived).toBeGreaterThan(heard);
    await bed.popup.click('[data-testid="hangup"]');
    await bed.peer.waitFor((s) => s.callState === 'terminated', 10_000, 'the BYE reached the peer');
    await endCalls(bed);
  }, 60_000);

  test('Kamailio killed during a call and the other side silent: the call ends with a sentence within 38 s, and the history records it', async () => {
    await waitForTestId(bed.popup, 'registration', REGISTERED);
    await callPeer();
    bed.sip.signal('SIGKILL');
    await bed.peer.stopSending(true);
    const silentAt = Date.now();
    try {
      await registration(/^Reconnecting… /, 5_000);
      await msUntilText('call-state', /^Failed · .* — The call was lost: the connection to the server could not be made again\.$/, 40_000);
      const after = Date.now() - silentAt;
      console.log(`[lost call] ended ${after} ms after Kamailio was killed and the peer went silent`);
      // 10 s until "no audio", then the 20 s bound (lost-call-watch.ts), each seen on a 2 s check: 30–36 s.
      expect(after).toBeGreaterThan(28_000);
      expect(after).toBeLessThan(38_000);
      const history = (await readStoredHistory(bed.popup)) as Array<{ number: string; result: string; direction: string }>;
      expect(history.find((e) => e.result.startsWith('The call was lost'))).toMatchObject({ number: PEER_NUMBER, direction: 'outgoing' });
      expect(await bed.popup.$('[data-testid="hangup"]')).toBeNull();
    } finally {
      await bed.peer.hangup().catch(() => undefined);
      await bed.sip.restart();
    }
    // The backoff has grown during the outage: saving the account again registers at once (as a user would).
    await bed.peer.register();
    expect((await saveAccount(bed.browser, bed.sip)).registered).toBe(true);
  }, 120_000);

  // Longer than the first backoff window's 8 s, so only Retry-After can keep the engine quiet that long.
  test('503 with Retry-After: 12 from the registrar: no REGISTER before 12 s, and the popup says why', async () => {
    const busy = await startKamailio({ users: { busy: 'busy-secret' }, busyRegister: { user: 'busy', retryAfter: 12 } });
    try {
      const control = await controlPage(bed.browser);
      await control.evaluate(
        (account) => chrome.runtime.sendMessage({ type: 'ui:save-account', payload: { account } }),
        { server: busy.wsUrl, username: 'busy', domain: busy.domain, authUsername: '', password: 'busy-secret', displayName: '', iceServers: [], register: true, backupServer: '', outboundProxy: '' },
      );
      await waitForTestId(bed.popup, 'registration', /The server is busy \(503\) and asked Dialable to wait 12 s/);
      const first = busy.registerCount('busy');
      const refusedAt = Date.now();
      while (Date.now() - refusedAt < 11_000) {
        expect(busy.registerCount('busy')).toBe(first);
        await new Promise((r) => setTimeout(r, 500));
      }
      const deadline = Date.now() + 30_000;
      while (busy.registerCount('busy') === first && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(busy.registerCount('busy')).toBe(first + 1);
      expect(Date.now() - refusedAt).toBeGreaterThanOrEqual(11_000);
    } finally {
      const saved = await saveAccount(bed.browser, bed.sip);
      await busy.stop();
      expect(saved.registered).toBe(true);
    }
  }, 80_000);

  test('backup server: primary down → registered on the backup, a call reaches the user; primary back → registered there again, a call reaches the user', async () => {
    const backup = await startKamailio({ users: { alice: 'alice-secret', [PEER_NUMBER]: 'peer-secret' }, domain: bed.sip.domain });
    let backupPeer: Peer | undefined;
    try {
      backupPeer = await openPeer(bed.browser, bed.peerServer, backup, { user: PEER_NUMBER, password: 'peer-secret', mode: 'answer' });
      await backupPeer.register();
      const control = await controlPage(bed.browser);
      await control.evaluate(
        (account) => chrome.runtime.sendMessage({ type: 'ui:save-account', payload: { account } }),
        { server: bed.sip.wsUrl, username: 'alice', domain: bed.sip.domain, authUsername: '', password: 'alice-secret', displayName: '', iceServers: [], register: true, backupServer: backup.wsUrl, outboundProxy: '' },
      );
      await registration(REGISTERED, 10_000);
      await bed.sip.stop();
      await registration(/^Registered as alice@.* on the backup server ws:\/\/127\.0\.0\.1/, 30_000);
      expect(await backup.bindings('alice')).toBe(1);
      await ringsAndDecline(backupPeer, backup.domain);

      await bed.sip.restart();
      await bed.peer.register();
      await registration(/^Registered as alice@[^ ]+$/, 45_000);
      expect(await bed.sip.bindings('alice')).toBe(1);
      expect(await backup.bindings('alice')).toBe(0);
      await ringsAndDecline(bed.peer, bed.sip.domain);
    } finally {
      await backupPeer?.close();
      const saved = await saveAccount(bed.browser, bed.sip);
      await backup.stop();
      expect(saved.registered).toBe(true);
    }
  }, 120_000);
});

/** `peer` calls alice: the popup shows the incoming call, the user declines, the peer hears 603. */
async function ringsAndDecline(peer: Peer, domain: string): Promise<void> {
  const calling = peer.call(`sip:alice@${domain}`);
  await bed.popup.bringToFront();
  await bed.popup.waitForSelector('[data-testid="answer"]', { timeout: 10_000 });
  await bed.popup.click('[data-testid="decline"]');
  expect(await calling).toMatchObject({ status: 603 });
  await endCalls(bed);
}
