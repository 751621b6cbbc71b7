import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DIGIT_INTERVAL_MS, DigitSender, type DigitSenderStatus } from '../../../src/call/digit-sender';
import { postDialPlan, postDialSteps } from '../../../src/call/post-dial';

/** A sender over fake timers that records each digit with the fake time it went at, and every status it showed. */
function sender(steps: ConstructorParameters<typeof DigitSender>[0]) {
  const start = Date.now();
  const sent: [string, number][] = [];
  const statuses: (DigitSenderStatus | undefined)[] = [];
  const s = new DigitSender(steps, {
    send: async (digit) => {
      sent.push([digit, Date.now() - start]);
    },
    onChange: (status) => statuses.push(status),
  });
  return { s, sent, statuses };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('sending the digits after the call is connected', () => {
  test('an extension waits for the delay, then goes digit by digit', async () => {
    const { s, sent, statuses } = sender(postDialPlan({ kind: 'phone', e164: '+442079460958', ext: '204' }, { extensionMode: 'dtmf', extensionDelayMs: 2000 }));
    expect(s.status).toBeUndefined();
    s.start();
    expect(s.status).toEqual({ digits: '204', extension: true, waiting: false });
    await vi.advanceTimersByTimeAsync(1999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([['2', 2000]]);
    await vi.advanceTimersByTimeAsync(2 * DIGIT_INTERVAL_MS);
    expect(sent).toEqual([['2', 2000], ['0', 2000 + DIGIT_INTERVAL_MS], ['4', 2000 + 2 * DIGIT_INTERVAL_MS]]);
    expect(s.status).toEqual({ digits: '204', extension: true, waiting: false });
    await vi.advanceTimersByTimeAsync(DIGIT_INTERVAL_MS);
    expect(s.status).toBeUndefined();
    expect(statuses.at(-1)).toBeUndefined();
  });

  test('nothing is sent before start (the call is not connected yet)', async () => {
    const { sent } = sender(postDialSteps(',204'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toEqual([]);
  });

  test('a second start (resumed from hold) does not send the digits again', async () => {
    const { s, sent } = sender(postDialSteps(',1'));
    s.start();
    await vi.advanceTimersByTimeAsync(1000);
    s.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent.map(([d]) => d)).toEqual(['1']);
  });

  test('two pauses wait twice as long', async () => {
    const { s, sent } = sender(postDialSteps(',,9'));
    s.start();
    await vi.advanceTimersByTimeAsync(3999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([['9', 4000]]);
  });

  test('a wait holds the rest until Send, and shows which digits wait', async () => {
    const { s, sent } = sender(postDialSteps(',12;#9'));
    expect(s.resume()).toBe(false);
    s.start();
    await vi.advanceTimersByTimeAsync(2000 + 2 * DIGIT_INTERVAL_MS);
    expect(sent.map(([d]) => d)).toEqual(['1', '2']);
    expect(s.status).toEqual({ digits: '#9', extension: false, waiting: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent.map(([d]) => d)).toEqual(['1', '2']);
    expect(s.resume()).toBe(true);
    expect(s.status).toEqual({ digits: '#9', extension: false, waiting: false });
    await vi.advanceTimersByTimeAsync(2 * DIGIT_INTERVAL_MS);
    expect(sent.map(([d]) => d)).toEqual(['1', '2', '#', '9']);
    expect(s.status).toBeUndefined();
    expect(s.resume()).toBe(false);
  });

  test('the call ended: nothing more goes, not even after a Send', async () => {
    const { s, sent } = sender(postDialSteps(',204;5'));
    s.start();
    await vi.advanceTimersByTimeAsync(2000 + DIGIT_INTERVAL_MS);
    s.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent.map(([d]) => d)).toEqual(['2', '0']);
    expect(s.resume()).toBe(false);
    expect(s.status).toBeUndefined();
  });

  test('a digit that fails to go does not stop the ones after it', async () => {
    const sent: string[] = [];
    const s = new DigitSender(postDialSteps(',12'), {
      send: async (digit) => {
        sent.push(digit);
        if (digit === '1') throw new Error('INFO refused');
      },
      onChange: () => undefined,
    });
    s.start();
    await vi.advanceTimersByTimeAsync(2000 + 2 * DIGIT_INTERVAL_MS);
    expect(sent).toEqual(['1', '2']);
  });
});
