import { describe, expect, test } from 'vitest';
import { CallState as C } from '../../../src/call/call-state';
import { toneFor, type ToneKind } from '../../../src/call/tone-for';

const call = (state: C, hasEarlyMedia = false) => ({ state, hasEarlyMedia });

describe('which tone plays', () => {
  test.each<[string, ReturnType<typeof call>[], boolean, ToneKind | undefined]>([
    ['nothing without calls', [], true, undefined],
    ['ringback while the other side rings', [call(C.Ringing)], true, 'ringback'],
    ['no ringback once the far end sends early media (its own ringing plays)', [call(C.Ringing, true)], true, undefined],
    ['nothing while dialing', [call(C.Dialing)], true, undefined],
    ['nothing during a connected call', [call(C.Connected)], true, undefined],
    ['the ringtone for an incoming call', [call(C.Incoming)], true, 'ringtone'],
    ['silence for an incoming call with the ringtone off', [call(C.Incoming)], false, undefined],
    ['ringback still plays with the ringtone off', [call(C.Ringing)], false, 'ringback'],
    ['an incoming call wins over ringback', [call(C.Ringing), call(C.Incoming)], true, 'ringtone'],
    ['an incoming call with the ringtone off silences ringback too', [call(C.Ringing), call(C.Incoming)], false, undefined],
    ['the soft call-waiting beep for a second caller during a call', [call(C.Connected), call(C.Incoming)], true, 'call-waiting'],
    ['call waiting also while the first call is held, by either side', [call(C.OnHold), call(C.Incoming)], true, 'call-waiting'],
    ['call waiting sounds even with the ringtone off', [call(C.RemoteHold), call(C.Incoming)], false, 'call-waiting'],
  ])('%s', (_name, calls, ringtone, tone) => {
    expect(toneFor(calls, ringtone)).toBe(tone);
  });
});
