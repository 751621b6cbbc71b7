import { describe, expect, test } from 'vitest';
import { BACKOFF_MAX_MS, BACKOFF_MIN_MS, backoffDelay, backoffWindow, FIRST_WINDOW_MS, retryAfterMs } from '../../../src/call/backoff';

/** A seeded random source (mulberry32), so the spread figures are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('reconnect backoff', () => {
  test('never sooner than 1 s, never later than 60 s, the window doubling per failed attempt', () => {
    expect(backoffDelay(0, 0)).toBe(BACKOFF_MIN_MS);
    expect(backoffDelay(0, 0.999_999)).toBeLessThan(BACKOFF_MIN_MS + FIRST_WINDOW_MS);
    expect(backoffWindow(0)).toEqual({ min: 1_000, max: 8_000 });
    expect(backoffWindow(1)).toEqual({ min: 1_000, max: 15_000 });
    expect(backoffWindow(2)).toEqual({ min: 1_000, max: 29_000 });
    expect(backoffWindow(3)).toEqual({ min: 1_000, max: 57_000 });
    expect(backoffWindow(4)).toEqual({ min: 1_000, max: BACKOFF_MAX_MS });
    expect(backoffWindow(400)).toEqual({ min: 1_000, max: BACKOFF_MAX_MS });
    for (let attempt = 0; attempt < 40; attempt++) {
      expect(backoffDelay(attempt, 0.999_999)).toBeLessThan(BACKOFF_MAX_MS);
      expect(backoffDelay(attempt, 0)).toBe(BACKOFF_MIN_MS);
    }
  });

  test('50 clients that lose the same server at once spread their first retries over more than 5 s', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seeded(seed);
      const first = Array.from({ length: 50 }, () => backoffDelay(0, random()));
      const spread = Math.max(...first) - Math.min(...first);
      expect(spread, `seed ${seed}`).toBeGreaterThanOrEqual(5_000);
      // …and not in a few clumps: no second holds more than a third of them.
      const perSecond = new Map<number, number>();
      for (const delay of first) perSecond.set(Math.floor(delay / 1000), (perSecond.get(Math.floor(delay / 1000)) ?? 0) + 1);
      expect(Math.max(...perSecond.values()), `seed ${seed}`).toBeLessThanOrEqual(17);
    }
  });

  test('Retry-After is a floor: never earlier than the server asked, however short the backoff', () => {
    expect(backoffDelay(0, 0, 20_000)).toBe(20_000);
    expect(backoffDelay(4, 0.999_999, 20_000)).toBeGreaterThan(20_000);
    expect(backoffDelay(0, 0, 10 * 3_600_000)).toBe(3_600_000);
  });

  test('Retry-After values as servers write them', () => {
    expect(retryAfterMs('20')).toBe(20_000);
    expect(retryAfterMs(' 120 (maintenance);duration=3600')).toBe(120_000);
    expect(retryAfterMs(undefined)).toBe(0);
    expect(retryAfterMs('soon')).toBe(0);
    expect(retryAfterMs('-5')).toBe(0);
  });
});
