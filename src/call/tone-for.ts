import { CallState, isEstablished } from './call-state';

/** Ringback: we are calling and the other side rings. Ringtone: someone calls us. Call waiting: someone calls us during a call. */
export type ToneKind = 'ringback' | 'ringtone' | 'call-waiting';

/**
 * Which tone should sound now, given the calls: an incoming call rings (silently when the ringtone is switched
 * off, and it then also silences ringback) — during another call only the soft call-waiting beep, which sounds
 * even with the ringtone off (the user is at the phone and must hear that someone waits); an outgoing call that
 * rings without early media gets ringback (with early media the far end's own audio plays instead).
 */
export function toneFor(calls: readonly { state: CallState; hasEarlyMedia: boolean }[], ringtone: boolean): ToneKind | undefined {
  if (calls.some((c) => c.state === CallState.Incoming)) {
    if (calls.some((c) => isEstablished(c.state))) return 'call-waiting';
    return ringtone ? 'ringtone' : undefined;
  }
  if (calls.some((c) => c.state === CallState.Ringing && !c.hasEarlyMedia)) return 'ringback';
  return undefined;
}
