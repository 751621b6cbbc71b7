import { describe, expect, test } from 'vitest';
import { FIRST_RUNS, FRAME_BUDGET_MS, MIN_RUNS, WriteBatches } from '../../../content/write-batches';

/**
 * Plays writes against a model page whose frame after a write costs `fixed` ms whatever it holds plus `perRun` ms
 * per run written; returns the sizes the batches asked for and the frames they made.
 */
function play(fixed: number, perRun: number, writes: number, released = 100_000): { sizes: number[]; frames: number[] } {
  const batches = new WriteBatches();
  const sizes: number[] = [];
  const frames: number[] = [];
  let left = released;
  for (let i = 0; i < writes && left > 0; i++) {
    const size = batches.size();
    const runs = Math.min(size, left);
    left -= runs;
    const frame = fixed + perRun * runs;
    batches.measured(runs, frame);
    sizes.push(size);
    frames.push(frame);
  }
  return { sizes, frames };
}

describe('write batches sized by measured cost', () => {
  test('the first write takes a fixed number of runs', () => {
    expect(new WriteBatches().size()).toBe(FIRST_RUNS);
  });

  test('on a cheap page batches grow, then settle where the frame stays under the budget', () => {
    const { sizes, frames } = play(17, 0.05, 12);
    expect(sizes[1]).toBeGreaterThan(FIRST_RUNS);
    for (const frame of frames.slice(-4)) expect(frame).toBeLessThanOrEqual(FRAME_BUDGET_MS + 1e-9);
    expect(sizes.at(-1)).toBeGreaterThanOrEqual(400);
  });

  test('where each run is dear, batches shrink until the frame fits, never below the minimum', () => {
    const { sizes, frames } = play(17, 0.5, 8);
    expect(sizes[1]).toBeLessThan(FIRST_RUNS);
    expect(frames.at(-1)).toBeLessThanOrEqual(FRAME_BUDGET_MS + 1e-9);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_RUNS);
  });

  test('where every write costs a long frame whatever it holds (a huge table relayouts), one smaller write, then everything', () => {
    const { sizes, frames } = play(200, 0.02, 10, 5000);
    expect(sizes).toEqual([FIRST_RUNS, FIRST_RUNS / 4, Number.POSITIVE_INFINITY]);
    expect(frames).toHaveLength(3);
  });

  test('nonsense measurements are ignored', () => {
    const batches = new WriteBatches();
    batches.measured(0, 30);
    batches.measured(10, Number.NaN);
    batches.measured(10, -5);
    expect(batches.size()).toBe(FIRST_RUNS);
  });
});
