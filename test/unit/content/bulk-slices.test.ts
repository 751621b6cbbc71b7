import { describe, expect, test } from 'vitest';
import { BulkSlices, MAX_TASK_MS, RENDER_DEADLINE_MS } from '../../../content/bulk-slices';

/**
 * Plays a bulk wrap against a model of Chrome's scheduler: a slice runs its whole budget, then the page's
 * microtasks cost `overhead` of it; a frame comes between tasks once RENDER_DEADLINE_MS have passed since the last
 * one. Returns the slices' [start, end] and how much work (ms) was done before the first frame.
 */
function play(overhead: number, work: number): { tasks: Array<[number, number]>; beforeFrame: number } {
  const slices = new BulkSlices(0);
  const tasks: Array<[number, number]> = [];
  let now = 1;
  let done = 0;
  while (done < work && now < RENDER_DEADLINE_MS) {
    const budget = Math.min(slices.next(now), work - done);
    done += budget;
    const end = now + budget;
    slices.ended(end);
    tasks.push([now, end + budget * overhead]);
    now = end + budget * overhead;
  }
  return { tasks, beforeFrame: done };
}

describe('bulk wrap slices', () => {
  test.each([0, 0.05, 0.3, 1])('no task, with %s of overhead after it, is a long task', (overhead) => {
    for (const [start, end] of play(overhead, 1000).tasks) expect(end - start).toBeLessThanOrEqual(MAX_TASK_MS + 1e-9);
  });

  test('the last slice starts just before the deadline and runs long, so more than the deadline fits before a frame', () => {
    const { tasks, beforeFrame } = play(0.05, 1000);
    const last = tasks[tasks.length - 1] as [number, number];
    expect(last[0]).toBeLessThan(RENDER_DEADLINE_MS);
    expect(last[1] - last[0]).toBeGreaterThan(35);
    expect(beforeFrame).toBeGreaterThan(120);
  });

  test('page observers that cost a third of each slice still leave more than the deadline for our work', () => {
    expect(play(0.3, 1000).beforeFrame).toBeGreaterThan(RENDER_DEADLINE_MS);
  });

  test('the first slice, before anything is measured, assumes costly observers', () => {
    expect(new BulkSlices(0).next(1)).toBeLessThanOrEqual(MAX_TASK_MS / 1.5);
  });

  test('after a frame the deadline moves on and the frame itself is not taken for overhead', () => {
    const slices = new BulkSlices(0);
    slices.next(1);
    slices.ended(21);
    slices.next(22); // measured: 1 ms after a 20 ms slice
    slices.ended(60);
    slices.frame(300); // a 700 ms relayout in between
    expect(slices.next(1000)).toBeGreaterThan(35);
    slices.ended(1030);
    expect(slices.next(1031)).toBeGreaterThan(35);
  });

  test('a slice that would end past the deadline is cut short instead', () => {
    const slices = new BulkSlices(0);
    slices.next(1);
    slices.ended(59);
    const budget = slices.next(60);
    expect(budget).toBeLessThan(MAX_TASK_MS - 5);
    expect(60 + budget).toBeLessThan(RENDER_DEADLINE_MS);
  });
});
