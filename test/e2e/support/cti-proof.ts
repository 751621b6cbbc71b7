import type { Frame } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Peer } from '../sip/peer-page';
import { cti, eventNames, messages, waitForEvent } from './cti-page';
import { receivedEnergy } from './popup-lines';
import { PEER_NUMBER } from './sip-bed';
import { waitUntil } from './wait-until';

/**
 * The CTI commands and events beyond placing and ending a call, each checked at the peer (shared by the Chromium and
 * Firefox suites): `frame` is a subscribed CRM fixture, `peer` auto-answers as {@link PEER_NUMBER}.
 */

/** The number of `event` events so far (to wait for the next one). */
async function countOf(frame: Frame, event: string): Promise<number> {
  return (await messages(frame)).filter((m) => m.type === 'dialable:event' && m.event === event).length;
}

/** Places a call to the peer from the page and waits until it is established there; returns its call id. */
export async function callPeer(frame: Frame, peer: Peer): Promise<string> {
  const connected = await countOf(frame, 'CONNECTED');
  const placed = await cti(frame, 'call', { number: PEER_NUMBER });
  expect(placed).toMatchObject({ ok: true });
  await peer.waitFor((s) => s.callState === 'established', 10_000, 'the call at the peer');
  await waitForEvent(frame, 'CONNECTED', connected + 1);
  return placed.callId!;
}

/** `mute` silences what the peer receives from us (the fake microphone's beeps), `unmute` brings it back. */
export async function expectMuteHeardAtPeer(frame: Frame, peer: Peer): Promise<void> {
  let live = 0;
  await waitUntil(async () => (live = await receivedEnergy(peer, 1_000)) > 0, 10_000, 'our microphone at the peer');
  expect(await cti(frame, 'mute')).toMatchObject({ ok: true });
  // Silence is 0 on a quiet machine; on a loaded one the peer's jitter buffer may conceal a late packet with a trace
  // of the last beep, so "silent" is below a hundredth of what the live microphone gave.
  const energies: number[] = [];
  await waitUntil(async () => energies[energies.push(await receivedEnergy(peer, 1_000)) - 1]! < live / 100, 10_000, 'silence at the peer after mute').catch((error: unknown) => {
    throw new Error(`${String(error)}: energy per second ${energies.join(', ')} against ${live} live`);
  });
  expect(await cti(frame, 'unmute')).toMatchObject({ ok: true });
  await waitUntil(async () => (await receivedEnergy(peer, 1_000)) > live / 10, 10_000, 'our microphone back at the peer after unmute');
}

/** The peer holds the call: REMOTE_HOLD with the call's id; it resumes: RESUMED. */
export async function expectRemoteHoldEvents(frame: Frame, peer: Peer, callId: string): Promise<void> {
  const resumed = await countOf(frame, 'RESUMED');
  expect(await peer.hold()).toMatchObject({ ok: true });
  expect((await waitForEvent(frame, 'REMOTE_HOLD')).call).toMatchObject({ id: callId, state: 'remote-hold' });
  expect(await peer.unhold()).toMatchObject({ ok: true });
  expect((await waitForEvent(frame, 'RESUMED', resumed + 1)).call).toMatchObject({ id: callId, state: 'connected' });
}

/** A blind `transfer`: the peer receives a REFER to the target, and the call ends on our side (HANGUP). */
export async function expectBlindTransfer(frame: Frame, peer: Peer, callId: string, target: string): Promise<void> {
  expect(await cti(frame, 'transfer', { target })).toMatchObject({ ok: true });
  await peer.waitFor((s) => (s.referTo ?? '').includes(target.replace('+', '')), 10_000, 'the REFER at the peer');
  await waitUntil(async () => (await eventNames(frame, callId)).includes('HANGUP'), 15_000, 'HANGUP after the transfer');
}

/** An incoming call declined from the page: the peer's INVITE gets a 486 or 603, and the page hears CANCEL. */
export async function expectDecline(frame: Frame, peer: Peer, domain: string): Promise<void> {
  const incomingBefore = await countOf(frame, 'INCOMING');
  const calling = peer.call(`sip:alice@${domain}`);
  const incoming = await waitForEvent(frame, 'INCOMING', incomingBefore + 1);
  expect(await cti(frame, 'decline', { callId: incoming.call?.id })).toMatchObject({ ok: true });
  const outcome = await calling;
  expect(outcome.ok).toBe(false);
  expect([486, 603]).toContain(outcome.status);
  await waitUntil(async () => (await eventNames(frame, incoming.call?.id)).includes('CANCEL'), 10_000, 'CANCEL for the declined call');
  expect(await eventNames(frame, incoming.call?.id)).toEqual(['INCOMING', 'CANCEL']);
}
