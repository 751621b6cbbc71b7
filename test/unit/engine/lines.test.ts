import { describe, expect, test, vi } from 'vitest';
import type { Call } from '../../../background/engine/call';
import { CallList } from '../../../background/engine/call-list';
import { Lines } from '../../../background/engine/lines';
import { CallState as C } from '../../../src/call/call-state';
import { t } from '../../../src/i18n/t';

/** A call as Lines sees it: a state, the hold flags and the moves it makes (recorded instead of re-INVITEs). */
function fakeCall(id: string, state: C, extra: Partial<Call> = {}) {
  const moves: string[] = [];
  const call = {
    id,
    state,
    held: state === C.OnHold,
    muted: false,
    conference: false,
    consultFor: undefined as string | undefined,
    moves,
    async setHeld(held: boolean) {
      moves.push(held ? 'hold' : 'resume');
      call.held = held;
      call.state = held ? C.OnHold : C.Connected;
    },
    async hangup() {
      moves.push('hangup');
      call.state = C.Ended;
    },
    setMuted(muted: boolean) {
      call.muted = muted;
    },
    notify: () => undefined,
    ...extra,
  };
  return call;
}

function linesWith(...calls: ReturnType<typeof fakeCall>[]) {
  const list = new CallList();
  for (const call of calls) list.add(call as unknown as Call);
  const consult = vi.fn(async () => ({ accepted: true, callId: 'consult' }));
  return { lines: new Lines(list, { consult }), list, consult };
}

describe('several calls, one live', () => {
  test('answering or placing a call holds every other answered call, once', async () => {
    const a = fakeCall('a', C.Connected);
    const b = fakeCall('b', C.OnHold);
    const ringing = fakeCall('c', C.Incoming);
    const { lines } = linesWith(a, b, ringing);
    await lines.holdOthers(ringing as unknown as Call);
    expect(a.moves).toEqual(['hold']);
    expect(b.moves).toEqual([]);
    expect(ringing.moves).toEqual([]);
  });

  test('resume holds the live call first; swap goes to the next held call', async () => {
    const a = fakeCall('a', C.Connected);
    const b = fakeCall('b', C.OnHold);
    const { lines } = linesWith(a, b);
    await lines.act(a as unknown as Call, { action: 'swap' });
    expect([a.moves, b.moves]).toEqual([['hold'], ['resume']]);
    await lines.act(a as unknown as Call, { action: 'swap' });
    expect([a.moves, b.moves]).toEqual([['hold', 'resume'], ['resume', 'hold']]);
  });

  test('swap with one call says that it needs two', async () => {
    const { lines } = linesWith(fakeCall('a', C.Connected));
    await expect(lines.act({} as Call, { action: 'swap' })).rejects.toThrow(t('callNeedsTwoCalls'));
  });

  test('consult holds the call and places the consult call; a refused consult call gives the caller back', async () => {
    const a = fakeCall('a', C.Connected);
    const { lines, consult } = linesWith(a);
    await lines.act(a as unknown as Call, { action: 'consult', target: '204' });
    expect(consult).toHaveBeenCalledWith(a, '204');
    expect(a.moves).toEqual(['hold']);

    const b = fakeCall('b', C.Connected);
    const second = linesWith(b);
    second.consult.mockResolvedValueOnce({ accepted: false, reason: 'No microphone.' } as never);
    await expect(second.lines.act(b as unknown as Call, { action: 'consult', target: '205' })).rejects.toThrow(t('callConsultFailed', '205', 'No microphone.'));
    expect(b.moves).toEqual(['hold', 'resume']);
  });

  test('a consult call on an unanswered call is refused', async () => {
    const ringing = fakeCall('a', C.Ringing);
    const { lines, consult } = linesWith(ringing);
    await expect(lines.act(ringing as unknown as Call, { action: 'consult', target: '204' })).rejects.toThrow(t('callNotAnswered'));
    expect(consult).not.toHaveBeenCalled();
  });

  test('cancel consult hangs the consult call up and resumes the first caller', async () => {
    const first = fakeCall('a', C.OnHold);
    const consult = fakeCall('b', C.Connected, { consultFor: 'a' });
    const { lines } = linesWith(first, consult);
    await lines.act(first as unknown as Call, { action: 'cancel-consult' });
    expect(consult.moves).toEqual(['hangup']);
    expect(first.moves).toEqual(['resume']);
  });

  test('a consult call the other side ended gives the first caller back, unless another call is live', async () => {
    const first = fakeCall('a', C.OnHold);
    const consult = fakeCall('b', C.Ended, { consultFor: 'a' });
    const { lines } = linesWith(first);
    await lines.ended(consult as unknown as Call);
    expect(first.moves).toEqual(['resume']);

    const heldFirst = fakeCall('c', C.OnHold);
    const other = fakeCall('d', C.Connected);
    const busy = linesWith(heldFirst, other);
    await busy.lines.ended(fakeCall('e', C.Ended, { consultFor: 'c' }) as unknown as Call);
    expect(heldFirst.moves).toEqual([]);
  });

  test('mute in a conference mutes the user towards every call of it', () => {
    const a = fakeCall('a', C.Connected, { conference: true });
    const b = fakeCall('b', C.Connected, { conference: true });
    const c = fakeCall('c', C.OnHold);
    const { lines } = linesWith(a, b, c);
    lines.setMuted(a as unknown as Call, true);
    expect([a.muted, b.muted, c.muted]).toEqual([true, true, false]);
  });

  test('merge needs two answered calls', async () => {
    const { lines } = linesWith(fakeCall('a', C.Connected), fakeCall('b', C.Incoming));
    await expect(lines.act({} as Call, { action: 'merge' })).rejects.toThrow(t('callNeedsTwoCalls'));
  });
});
