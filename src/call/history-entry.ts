import { t } from '../i18n/t';
import { CallState } from './call-state';
import type { HistoryEntry } from './engine-snapshot';

/** What the history needs to know about a call that has ended. */
export interface FinishedCall {
  id: string;
  direction: 'outgoing' | 'incoming';
  number: string;
  displayName?: string;
  state: CallState;
  startedAt: number;
  connectedAt?: number;
  endedAt?: number;
  /** The user turned the incoming call down. */
  declined: boolean;
  /** Why it failed, as a sentence. */
  reason?: string;
}

/**
 * How an ended call ended for the user: `unanswered` — an incoming call that never connected (it stops ringing);
 * `missed` — unanswered and not declined by the user (it counts on the badge).
 */
export function callEnding(call: FinishedCall): { unanswered: boolean; missed: boolean } {
  const unanswered = call.direction === 'incoming' && call.connectedAt === undefined;
  return { unanswered, missed: unanswered && !call.declined };
}

/** The history entry for an ended call; `now` stands in for an end time the call did not record. */
export function historyEntry(call: FinishedCall, now: number): HistoryEntry {
  const { missed } = callEnding(call);
  return {
    id: call.id,
    direction: missed ? 'missed' : call.direction,
    number: call.number,
    ...(call.displayName ? { displayName: call.displayName } : {}),
    startedAt: call.startedAt,
    durationMs: call.connectedAt ? (call.endedAt ?? now) - call.connectedAt : 0,
    result: resultSentence(call, missed),
  };
}

/** The entry for a caller turned away with "busy" because another call was going on. */
export function busyMissedEntry(id: string, caller: { number: string; displayName?: string }, now: number): HistoryEntry {
  return { id, direction: 'missed', number: caller.number, ...(caller.displayName ? { displayName: caller.displayName } : {}), startedAt: now, durationMs: 0, result: t('callMissedBusy') };
}

/**
 * The entry for a caller turned away because Do not disturb was on: an incoming call the user chose not to take
 * (like a declined one, not missed).
 */
export function dndRejectedEntry(id: string, caller: { number: string; displayName?: string }, now: number): HistoryEntry {
  return { id, direction: 'incoming', number: caller.number, ...(caller.displayName ? { displayName: caller.displayName } : {}), startedAt: now, durationMs: 0, result: t('historyResultDnd') };
}

function resultSentence(call: FinishedCall, missed: boolean): string {
  if (call.declined) return t('historyResultDeclined');
  if (call.state === CallState.Failed) return call.reason ?? t('callStateFailed');
  return missed ? t('historyResultMissed') : t('historyResultAnswered');
}
