import { beforeAll, describe, expect, test } from 'vitest';
import { CallState } from '../../../src/call/call-state';
import { busyMissedEntry, callEnding, dndRejectedEntry, historyEntry, type FinishedCall } from '../../../src/call/history-entry';
import { setLanguage } from '../../../src/i18n/t';

beforeAll(() => setLanguage('en'));

const ended = (over: Partial<FinishedCall>): FinishedCall => ({
  id: 'c1',
  direction: 'outgoing',
  number: '+442079460958',
  state: CallState.Ended,
  startedAt: 1_000,
  declined: false,
  ...over,
});

describe('how an ended call goes into the history', () => {
  test.each<[string, Partial<FinishedCall>, { direction: string; result: string; durationMs: number; unanswered: boolean; missed: boolean }]>([
    ['an answered outgoing call lasts from connect to end', { connectedAt: 2_000, endedAt: 65_000 }, { direction: 'outgoing', result: 'Answered', durationMs: 63_000, unanswered: false, missed: false }],
    ['an outgoing call hung up before it connected (recorded as it always was: "Answered", no duration)', { endedAt: 9_000 }, { direction: 'outgoing', result: 'Answered', durationMs: 0, unanswered: false, missed: false }],
    ['a failed outgoing call says why', { state: CallState.Failed, reason: 'Busy — try again later' }, { direction: 'outgoing', result: 'Busy — try again later', durationMs: 0, unanswered: false, missed: false }],
    ['a failed call without a reason', { state: CallState.Failed }, { direction: 'outgoing', result: 'Failed', durationMs: 0, unanswered: false, missed: false }],
    ['an answered incoming call', { direction: 'incoming', connectedAt: 3_000, endedAt: 4_500 }, { direction: 'incoming', result: 'Answered', durationMs: 1_500, unanswered: false, missed: false }],
    ['an incoming call the caller gave up on is missed', { direction: 'incoming', endedAt: 20_000 }, { direction: 'missed', result: 'Missed', durationMs: 0, unanswered: true, missed: true }],
    ['an incoming call the user declined is not missed', { direction: 'incoming', declined: true }, { direction: 'incoming', result: 'Declined', durationMs: 0, unanswered: true, missed: false }],
    ['an incoming call that failed before answering is missed, with the reason', { direction: 'incoming', state: CallState.Failed, reason: 'Network lost' }, { direction: 'missed', result: 'Network lost', durationMs: 0, unanswered: true, missed: true }],
  ])('%s', (_name, over, expected) => {
    const call = ended(over);
    const { unanswered, missed } = expected;
    expect(callEnding(call)).toEqual({ unanswered, missed });
    expect(historyEntry(call, 100_000)).toEqual({ id: 'c1', number: '+442079460958', startedAt: 1_000, direction: expected.direction, result: expected.result, durationMs: expected.durationMs });
  });

  test('a connected call without a recorded end lasts until now', () => {
    expect(historyEntry(ended({ connectedAt: 2_000 }), 12_000).durationMs).toBe(10_000);
  });

  test('the caller name is kept when there is one, and left out when empty', () => {
    expect(historyEntry(ended({ direction: 'incoming', connectedAt: 2_000, displayName: 'Alice' }), 5_000).displayName).toBe('Alice');
    expect(historyEntry(ended({ displayName: '' }), 5_000)).not.toHaveProperty('displayName');
  });

  test('a caller turned away because of another call is missed, busy', () => {
    expect(busyMissedEntry('inv1', { number: '204', displayName: 'Bob' }, 7_000)).toEqual({ id: 'inv1', direction: 'missed', number: '204', displayName: 'Bob', startedAt: 7_000, durationMs: 0, result: 'Missed (you were on another call)' });
    expect(busyMissedEntry('inv2', { number: '205' }, 7_000)).not.toHaveProperty('displayName');
    // Do not disturb: the user's choice, like a declined call, not a missed one.
    expect(dndRejectedEntry('inv3', { number: '206', displayName: 'Eve' }, 8_000)).toEqual({ id: 'inv3', direction: 'incoming', number: '206', displayName: 'Eve', startedAt: 8_000, durationMs: 0, result: 'Rejected (do not disturb)' });
  });
});
