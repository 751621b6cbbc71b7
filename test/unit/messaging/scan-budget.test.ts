import { describe, expect, test } from 'vitest';
import { onePerPayer, SCAN_BUDGET, ScanBudget } from '../../../src/messaging/scan-budget';

describe('per-tab page:scan budget', () => {
  const limit = { chars: 1000, windowMs: 60_000 };

  test('grants batches until the tab has used its characters, then says when to come back', () => {
    let now = 5_000;
    const budget = new ScanBudget(() => now, limit);
    expect(budget.take(1, 600)).toBe(0);
    expect(budget.take(1, 400)).toBe(0);
    now += 10_000;
    expect(budget.take(1, 1)).toBe(50_000);
    now += 49_999;
    expect(budget.take(1, 1)).toBe(1);
    now += 1;
    expect(budget.take(1, 1000)).toBe(0);
  });

  test('every tab has its own budget', () => {
    const budget = new ScanBudget(() => 0, limit);
    expect(budget.take(1, 1000)).toBe(0);
    expect(budget.take(1, 1)).toBeGreaterThan(0);
    expect(budget.take(2, 1000)).toBe(0);
    expect(budget.take('https://frame.example/', 1000)).toBe(0);
  });

  test('a refused batch is not charged', () => {
    const budget = new ScanBudget(() => 0, limit);
    expect(budget.take(1, 900)).toBe(0);
    expect(budget.take(1, 200)).toBeGreaterThan(0);
    expect(budget.take(1, 100)).toBe(0);
  });

  test('a closed tab is forgotten', () => {
    const budget = new ScanBudget(() => 0, limit);
    budget.take(1, 1000);
    budget.forget(1);
    expect(budget.take(1, 1000)).toBe(0);
  });

  test('the real budget holds a 10,000-number table several times over, and a whole largest message', () => {
    expect(SCAN_BUDGET.chars).toBeGreaterThanOrEqual(10 * 120_000);
    expect(SCAN_BUDGET.chars).toBeGreaterThanOrEqual(400_000);
  });
});

describe('one page:scan batch at a time per tab', () => {
  test('a tab\'s second batch starts when its first has finished; another tab does not wait', async () => {
    const turn = onePerPayer();
    const log: string[] = [];
    let finishFirst!: () => void;
    const first = turn(1, async () => {
      log.push('1a start');
      await new Promise<void>((r) => (finishFirst = r));
      log.push('1a end');
    });
    const second = turn(1, async () => {
      log.push('1b start');
    });
    const other = turn(2, async () => {
      log.push('2 start');
    });
    await other;
    expect(log).toEqual(['1a start', '2 start']);
    finishFirst();
    await Promise.all([first, second]);
    expect(log).toEqual(['1a start', '2 start', '1a end', '1b start']);
  });

  test('a failed batch does not hold up the next', async () => {
    const turn = onePerPayer();
    const failed = turn(1, () => Promise.reject(new Error('boom')));
    await expect(failed).rejects.toThrow('boom');
    await expect(turn(1, async () => 'next')).resolves.toBe('next');
  });
});
