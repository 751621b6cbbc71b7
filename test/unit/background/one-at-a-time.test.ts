import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../background/worker/one-at-a-time';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('oneAtATime', () => {
  it('finishes tasks in the order they came, though an earlier one is slower', async () => {
    const inOrder = oneAtATime();
    const written: string[] = [];
    const slow = inOrder(async () => {
      await later(30);
      written.push('hidden');
    });
    const fast = inOrder(async () => {
      await later(1);
      written.push('Call +44 20 7946 0958');
    });
    await Promise.all([slow, fast]);
    expect(written).toEqual(['hidden', 'Call +44 20 7946 0958']);
  });

  it('passes results and errors through, and a failed task does not stop the next', async () => {
    const inOrder = oneAtATime();
    const failed = inOrder(async () => {
      throw new Error('menu gone');
    });
    const next = inOrder(async () => 42);
    await expect(failed).rejects.toThrow('menu gone');
    await expect(next).resolves.toBe(42);
  });
});
