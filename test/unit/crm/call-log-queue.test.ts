import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CALL_LOG_RETRY, callLogRetryDelay } from '../../../src/crm/call-log-backoff';
import { CALL_LOG_QUEUE_LIMIT, CallLogQueue, type StoredCallLog } from '../../../src/crm/call-log-queue';
import type { CallLogRecord } from '../../../src/crm/call-record';

const record = (id: string): CallLogRecord => ({
  id,
  direction: 'outgoing',
  from: 'sip:alice@example.com',
  to: '+493012345678',
  e164: '+493012345678',
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: '2026-01-01T00:00:05.000Z',
  durationSeconds: 0,
  result: 'cancelled',
  account: 'sip:alice@example.com',
});

describe('call-log retry schedule', () => {
  test('doubles from about 2 s up to 5 minutes, each delay between half and all of its window', () => {
    const windows = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50].map((n) => callLogRetryDelay(n, 0.999999));
    expect(windows).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000]);
    expect(callLogRetryDelay(1, 0)).toBe(1_000);
    expect(callLogRetryDelay(4, 0)).toBe(8_000);
    expect(callLogRetryDelay(1_000, 0)).toBe(CALL_LOG_RETRY.maxMs / 2);
    for (let i = 0; i < 200; i++) {
      const d = callLogRetryDelay(3, Math.random());
      expect(d).toBeGreaterThanOrEqual(4_000);
      expect(d).toBeLessThanOrEqual(8_000);
    }
  });
});

describe('call-log queue', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  function setup(options: { stored?: StoredCallLog; configured?: boolean } = {}) {
    const sent: string[] = [];
    const saved: StoredCallLog[] = [];
    let up = true;
    let configured = options.configured ?? true;
    const queue = new CallLogQueue({
      load: async () => options.stored,
      save: async (state) => void saved.push(state),
      send: async (r) => {
        if (!up) throw new Error(`down for ${r.id}`);
        sent.push(r.id);
      },
      configured: () => configured,
      onChange: () => undefined,
      random: () => 0.999999,
    });
    return {
      queue,
      sent,
      saved,
      setUp: (value: boolean) => (up = value),
      configure: (value: boolean) => (configured = value),
    };
  }

  test('delivers each record once, in order, and counts them', async () => {
    const t = setup();
    await t.queue.load();
    t.queue.add(record('a'));
    t.queue.add(record('b'));
    await vi.runAllTimersAsync();
    expect(t.sent).toEqual(['a', 'b']);
    expect(t.queue.status()).toEqual({ delivered: 2, waiting: 0, dropped: 0 });
    expect(t.saved.at(-1)).toEqual({ records: [], delivered: 2, dropped: 0 });
  });

  test('nothing is queued or sent without a receiver', async () => {
    const t = setup({ configured: false });
    await t.queue.load();
    t.queue.add(record('a'));
    await vi.runAllTimersAsync();
    expect(t.sent).toEqual([]);
    expect(t.queue.status()).toEqual({ delivered: 0, waiting: 0, dropped: 0 });
    expect(t.saved).toEqual([]);
  });

  test('while the receiver is down: retries on the backoff schedule, keeps order, then delivers everything', async () => {
    const t = setup();
    await t.queue.load();
    t.setUp(false);
    t.queue.add(record('a'));
    await vi.advanceTimersByTimeAsync(0);
    t.queue.add(record('b'));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.queue.status()).toMatchObject({ delivered: 0, waiting: 2, lastError: 'down for a', nextAttemptAt: 2_000 });
    // The second record did not jump the queue nor cut the delay short.
    await vi.advanceTimersByTimeAsync(1_999);
    expect(t.queue.status().nextAttemptAt).toBe(2_000);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.queue.status().nextAttemptAt).toBe(2_000 + 4_000);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(t.queue.status().nextAttemptAt).toBe(6_000 + 8_000);
    t.setUp(true);
    await vi.advanceTimersByTimeAsync(8_000);
    expect(t.sent).toEqual(['a', 'b']);
    expect(t.queue.status()).toEqual({ delivered: 2, waiting: 0, dropped: 0 });
    // After a delivery the schedule starts again from the first step.
    t.setUp(false);
    t.queue.add(record('c'));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.queue.status().nextAttemptAt).toBe(14_000 + 2_000);
  });

  test('keeps at most 500 records: the oldest are dropped and counted', async () => {
    const t = setup();
    await t.queue.load();
    t.setUp(false);
    for (let i = 0; i < CALL_LOG_QUEUE_LIMIT + 7; i++) t.queue.add(record(`r${i}`));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.queue.status()).toMatchObject({ waiting: 500, dropped: 7 });
    t.setUp(true);
    t.queue.retryNow();
    await vi.runAllTimersAsync();
    expect(t.sent).toHaveLength(500);
    expect(t.sent[0]).toBe('r7');
    expect(t.sent.at(-1)).toBe('r506');
  });

  test('what waited survives a restart and is delivered after loading', async () => {
    const stored: StoredCallLog = { records: [record('old1'), record('old2')], delivered: 3, dropped: 1 };
    const t = setup({ stored });
    await t.queue.load();
    await vi.runAllTimersAsync();
    expect(t.sent).toEqual(['old1', 'old2']);
    expect(t.queue.status()).toEqual({ delivered: 5, waiting: 0, dropped: 1 });
  });

  test('a receiver removed meanwhile stops the deliveries; they go on once one is configured again', async () => {
    const t = setup();
    await t.queue.load();
    t.setUp(false);
    t.queue.add(record('a'));
    await vi.advanceTimersByTimeAsync(0);
    t.configure(false);
    t.setUp(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.sent).toEqual([]);
    t.configure(true);
    t.queue.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.sent).toEqual(['a']);
  });
});
