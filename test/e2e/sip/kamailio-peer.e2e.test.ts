import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './browser';
import { startKamailio, type Kamailio } from './kamailio';
import { openPeer, startPeerServer, type Peer, type SipLogEntry } from './peer-page';
import type { StaticServer } from './static-server';

/**
 * The SIP test bed itself: a real Kamailio over WebSocket and two sip.js peers in Chromium. When these pass, a failing
 * extension e2e test is about the extension, not the server, the browser flags or the far end.
 */

const USERS = { alice: 'alice-secret', bob: 'bob-secret', carol: 'carol-secret' };

let sip: Kamailio;
let server: StaticServer;
let browser: Browser;
let alice: Peer;
let bob: Peer;
/** INVITE (the authenticated one) → 200 OK, ms, as alice's page saw it on the wire; bob answers at once. */
const inviteTo200: number[] = [];
/** alice's call() → 200 OK, ms: adds getUserMedia, offer, ICE gathering and the 407 round trip. */
const callSetup: number[] = [];

beforeAll(async () => {
  sip = await startKamailio({ users: USERS });
  server = await startPeerServer();
  browser = await launchChromium();
  alice = await openPeer(browser, server, sip, { user: 'alice', password: USERS.alice, mode: 'call' });
  bob = await openPeer(browser, server, sip, { user: 'bob', password: USERS.bob, mode: 'answer' });
});

afterAll(async () => {
  for (const [what, samples] of [['INVITE → 200 OK', inviteTo200], ['call() → 200 OK', callSetup]] as const) {
    if (samples.length === 0) continue;
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(`${what}: median ${sorted[Math.floor(sorted.length / 2)]} ms over ${sorted.length} calls [${sorted.join(', ')}]`);
  }
  await browser?.close();
  await server?.close();
  await sip?.stop();
});

/** Time from the last INVITE alice sent to the 200 OK for it. */
function inviteRoundTrip(log: SipLogEntry[]): number | undefined {
  const ok = log.findLastIndex((e) => e.dir === 'in' && e.line.startsWith('SIP/2.0 200') && e.cseq.endsWith('INVITE'));
  if (ok < 0) return undefined;
  const cseq = log[ok]!.cseq;
  const invite = log.findLast((e) => e.dir === 'out' && e.line.startsWith('INVITE ') && e.cseq === cseq);
  return invite ? log[ok]!.t - invite.t : undefined;
}

/** alice calls bob, bob auto-answers; resolves once both sides are established. */
async function connectAliceToBob(): Promise<void> {
  await bob.setMode('answer');
  const outcome = await alice.call('bob');
  expect(outcome).toMatchObject({ ok: true, status: 200 });
  await bob.waitFor((s) => s.callState === 'established', 5_000, 'bob established');
  callSetup.push(outcome.setupMs);
  const roundTrip = inviteRoundTrip((await alice.snapshot()).sipLog);
  if (roundTrip !== undefined) inviteTo200.push(roundTrip);
}

/** Waits until `peer` has received a 200 OK for a request it sent with `method`. */
function answered(peer: Peer, method: string): Promise<unknown> {
  const ok = (e: SipLogEntry) => e.dir === 'in' && e.line.startsWith('SIP/2.0 200') && e.cseq.endsWith(` ${method}`);
  return peer.waitFor((s) => s.sipLog.some(ok), 3_000, `200 OK to ${method}`);
}

async function endCall(): Promise<void> {
  await alice.hangup();
  await alice.waitFor((s) => s.callState === 'terminated' || s.callState === 'idle', 5_000, 'alice idle');
  await bob.waitFor((s) => s.callState === 'terminated' || s.callState === 'idle', 5_000, 'bob idle');
}

describe('Kamailio over WebSocket with two sip.js peers', () => {
  test('both peers register with digest auth (challenge, then credentials)', async () => {
    expect(await alice.register()).toMatchObject({ ok: true, status: 200 });
    expect(await bob.register()).toMatchObject({ ok: true, status: 200 });
    expect(sip.registerCount('alice')).toBe(2);
    expect(sip.registerCount('bob')).toBe(2);
  });

  test('a call reaches bob as an INVITE for sip:bob@<domain> and audio flows both ways', async () => {
    await connectAliceToBob();
    const invite = (await bob.snapshot()).lastInvite!;
    expect(invite.to).toContain(`sip:bob@${sip.domain}`);
    expect(invite.from).toContain(`sip:alice@${sip.domain}`);
    // Kamailio's lookup rewrote the request URI to bob's registered contact (sip.js's random user @ *.invalid).
    expect(invite.requestUri).toMatch(/^sip:[^@]+@[^;]+\.invalid;transport=ws/);
    expect(invite.headers['Record-Route']?.length).toBeGreaterThan(0);
    expect(invite.sdp).toMatch(/^m=audio /m);

    const before = { alice: await alice.stats(), bob: await bob.stats() };
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = { alice: await alice.stats(), bob: await bob.stats() };
    for (const side of ['alice', 'bob'] as const) {
      expect(after[side].packetsReceived, `${side} receives RTP`).toBeGreaterThan(before[side].packetsReceived + 20);
      expect(after[side].packetsSent, `${side} sends RTP`).toBeGreaterThan(before[side].packetsSent + 20);
    }
  });

  test('hold makes bob see a sendonly/inactive re-INVITE, unhold brings back sendrecv', async () => {
    expect(await alice.hold()).toMatchObject({ ok: true, status: 200 });
    const held = await bob.waitFor((s) => s.remoteDirection !== null, 3_000, 'hold re-INVITE');
    expect(['sendonly', 'inactive']).toContain(held.remoteDirection);

    expect(await alice.unhold()).toMatchObject({ ok: true, status: 200 });
    await bob.waitFor((s) => s.remoteDirection === 'sendrecv', 3_000, 'unhold re-INVITE');
  });

  test('DTMF sent as SIP INFO reaches bob in order', async () => {
    await alice.sendDtmf('1#', { method: 'info' });
    const state = await bob.waitFor((s) => s.dtmfInfo.length >= 2, 3_000, 'two INFO digits');
    expect(state.dtmfInfo.map((d) => d.signal)).toEqual(['1', '#']);
    expect(state.dtmfInfo[0]!.contentType).toBe('application/dtmf-relay');
  });

  test('DTMF sent as RFC 4733 telephone-events reaches bob as RTP events', async () => {
    expect((await bob.snapshot()).dtmfRtpPackets).toBe(0);
    await alice.sendDtmf('5', { method: 'rfc4733', duration: 200 });
    const state = await bob.waitFor((s) => s.dtmfRtpPackets > 0, 3_000, 'telephone-event packets');
    expect(state.dtmfRtpPackets).toBeGreaterThan(0);
  });

  test('a blind transfer (REFER) gives bob the target', async () => {
    expect(await alice.refer('carol')).toMatchObject({ ok: true, status: 202 });
    await bob.waitFor((s) => s.referTo === `sip:carol@${sip.domain}`, 3_000, 'REFER target');
  });

  test('the caller hangs up: bob sees the call end remotely', async () => {
    await alice.hangup();
    await bob.waitFor((s) => s.callState === 'terminated' && s.endedBy === 'remote', 3_000, 'bob hung up on');
    await answered(alice, 'BYE');
    expect((await alice.snapshot()).endedBy).toBe('local');
  });

  test('the callee hangs up: alice sees the call end remotely', async () => {
    await connectAliceToBob();
    await bob.hangup();
    await alice.waitFor((s) => s.callState === 'terminated' && s.endedBy === 'remote', 3_000, 'alice hung up on');
    await answered(bob, 'BYE');
  });

  test.each([
    { situation: 'callee busy', mode: 'busy', target: 'bob', status: 486, reason: 'Busy Here' },
    { situation: 'callee declines', mode: 'decline', target: 'bob', status: 603, reason: 'Decline' },
    { situation: 'unknown user', mode: 'answer', target: 'nobody', status: 404, reason: 'Not Found' },
  ] as const)('the caller sees why a call failed: $situation → $status', async ({ mode, target, status, reason }) => {
    await bob.setMode(mode);
    const outcome = await alice.call(target);
    expect(outcome).toMatchObject({ ok: false, status, reason });
    const state = await alice.waitFor((s) => s.callState === 'terminated', 3_000, 'failed call over');
    expect(state.lastFailure).toEqual({ status, reason });
    await bob.setMode('answer');
  });

  test('a wrong password is rejected after one challenged retry, with no retry storm', async () => {
    const mallory = await openPeer(browser, server, sip, { user: 'carol', password: 'not-the-password', mode: 'answer' });
    try {
      const outcome = await mallory.register();
      expect(outcome).toMatchObject({ ok: false, status: 401 });
      expect((await mallory.snapshot()).registration).toBe('rejected');
      expect(sip.registerCount('carol')).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(sip.registerCount('carol'), 'no REGISTER after the rejection').toBe(2);
    } finally {
      await mallory.close();
    }
  });

  test('after a Kamailio restart both peers re-register within 5 s and can call again', async () => {
    const oldPid = sip.pid;
    await sip.restart();
    expect(sip.pid).not.toBe(oldPid);
    for (const peer of [alice, bob]) await peer.waitFor((s) => s.transport === 'disconnected', 3_000, 'socket closed by the restart');
    const started = Date.now();
    expect(await alice.register()).toMatchObject({ ok: true, status: 200 });
    expect(await bob.register()).toMatchObject({ ok: true, status: 200 });
    expect(Date.now() - started).toBeLessThan(5_000);

    await connectAliceToBob();
    await endCall();
  });
});
