import { CallState } from './call-state';

/** Ringback: we are calling and the other side rings. Ringtone: someone calls us. */
export type ToneKind = 'ringback' | 'ringtone';

/**
 * Which tone should sound now, given the calls: an incoming call rings (silently when the ringtone is switched
 * off, and it then also silences ringback); an outgoing call that rings without early media gets ringback (with
 * early media the far end's own audio plays instead).
 */
export function toneFor(calls: readonly { state: CallState; hasEarlyMedia: boolean }[], ringtone: boolean): ToneKind | undefined {
  if (calls.some((c) => c.state === CallState.Incoming)) return ringtone ? 'ringtone' : undefined;
  if (calls.some((c) => c.state === CallState.Ringing && !c.hasEarlyMedia)) return 'ringback';
  return undefined;
}
