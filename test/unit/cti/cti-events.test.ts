import { describe, expect, test } from 'vitest';
import { CallState } from '../../../src/call/call-state';
import type { CallSnapshot, EngineSnapshot } from '../../../src/call/engine-snapshot';
import { RegistrationState } from '../../../src/call/registration-state';
import { ctiEvents, ctiSeen } from '../../../src/cti/cti-events';

const C = CallState;

function call(state: CallState, extra: Partial<CallSnapshot> = {}): CallSnapshot {
  return { id: 'c1', direction: 'outgoing', state, number: '+442079460958', startedAt: 1, muted: false, held: false, source: { url: 'https://crm.example.com/secret', title: 'Deal' }, ...extra };
}

function snap(calls: CallSnapshot[], registered = true): Pick<EngineSnapshot, 'registration' | 'calls'> {
  return { registration: { state: registered ? RegistrationState.Registered : RegistrationState.Connecting, message: '' }, calls };
}

/** The events along a run of snapshots, as `EVENT:state` strings. */
function along(...steps: Pick<EngineSnapshot, 'registration' | 'calls'>[]): string[] {
  let seen = ctiSeen(steps[0] ?? snap([]));
  const out: string[] = [];
  for (const step of steps.slice(1)) {
    const next = ctiSeen(step);
    out.push(...ctiEvents(seen, next).map((e) => (e.call ? `${e.event}:${e.call.state}` : e.event)));
    seen = next;
  }
  return out;
}

describe('engine snapshots become CTI events', () => {
  test('an outgoing call: one RINGING for dialing and ringing, then CONNECTED, hold, resume, HANGUP', () => {
    expect(
      along(snap([]), snap([call(C.Dialing)]), snap([call(C.Ringing)]), snap([call(C.Connected, { connectedAt: 5 })]), snap([call(C.OnHold, { connectedAt: 5 })]), snap([call(C.Connected, { connectedAt: 5 })]), snap([call(C.Ended, { connectedAt: 5, endedAt: 9 })])),
    ).toEqual(['RINGING:dialing', 'CONNECTED:connected', 'ON_HOLD:on-hold', 'RESUMED:connected', 'HANGUP:ended']);
  });

  test('an incoming call answered; the other side holds and resumes', () => {
    const inc = (state: CallState, extra: Partial<CallSnapshot> = {}) => call(state, { direction: 'incoming', ...extra });
    expect(along(snap([]), snap([inc(C.Incoming)]), snap([inc(C.Connected, { connectedAt: 3 })]), snap([inc(C.RemoteHold, { connectedAt: 3 })]), snap([inc(C.Connected, { connectedAt: 3 })]))).toEqual([
      'INCOMING:incoming',
      'CONNECTED:connected',
      'REMOTE_HOLD:remote-hold',
      'RESUMED:connected',
    ]);
  });

  test('never answered: CANCEL; failed: FAILED; a call gone from the list without an end still ends', () => {
    expect(along(snap([]), snap([call(C.Ringing)]), snap([call(C.Ended)]))).toEqual(['RINGING:ringing', 'CANCEL:ended']);
    expect(along(snap([]), snap([call(C.Dialing)]), snap([call(C.Failed, { reason: 'Busy' })]))).toEqual(['RINGING:dialing', 'FAILED:failed']);
    expect(along(snap([call(C.Connected, { connectedAt: 2 })]), snap([]))).toEqual(['HANGUP:ended']);
    expect(along(snap([call(C.Ended)]), snap([]))).toEqual([]);
    expect(along(snap([]), snap([call(C.Connected, { connectedAt: 2 })]), snap([call(C.Failed, { connectedAt: 2 })]))).toEqual(['RINGING:connected', 'CONNECTED:connected', 'HANGUP:failed']);
  });

  test('registration changes come first; an unchanged snapshot says nothing', () => {
    expect(along(snap([], false), snap([call(C.Dialing)]), snap([call(C.Dialing)]), snap([call(C.Dialing)], false))).toEqual(['REGISTERED', 'RINGING:dialing', 'UNREGISTERED']);
  });

  test('the call object has the documented fields and not the page it was dialled from', () => {
    const [, event] = ctiEvents(ctiSeen(snap([])), ctiSeen(snap([call(C.Connected, { connectedAt: 5, displayName: 'Ada' })])));
    expect(event).toEqual({ event: 'CONNECTED', call: { id: 'c1', direction: 'outgoing', number: '+442079460958', displayName: 'Ada', state: 'connected', startedAt: 1, answeredAt: 5 } });
  });
});
