import { describe, expect, test } from 'vitest';
import { createPageDialLimit } from '../../../src/call/page-dial-limit';

describe('page dial rate limit', () => {
  test('one dial per tab per 2 s, at most 5 per minute; other tabs are not affected; drops are counted', () => {
    let now = 0;
    const limit = createPageDialLimit(undefined, () => now);
    expect(limit.allow(1)).toBe(true);
    expect(limit.allow(1)).toBe(false);
    expect(limit.allow(2)).toBe(true);
    now = 1_999;
    expect(limit.allow(1)).toBe(false);
    for (const at of [2_000, 4_000, 6_000, 8_000]) {
      now = at;
      expect(limit.allow(1)).toBe(true);
    }
    now = 30_000;
    expect(limit.allow(1)).toBe(false); // the sixth within a minute
    now = 60_001;
    expect(limit.allow(1)).toBe(true); // the first has aged out
    expect(limit.dropped).toBe(3);
  });
});
