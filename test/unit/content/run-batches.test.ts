import { describe, expect, test } from 'vitest';
import { FIRST_BATCH, RunBatches } from '../../../content/run-batches';

/** Feeds `found` runs one at a time, sending whenever the batch is full, then what is left (as a slice's end does). */
function scan(found: number, batches = new RunBatches<number>((runs) => sent.push(runs.length)), sent: number[] = []): number[] {
  for (let i = 0; i < found; i++) {
    batches.add(i);
    if (batches.full) batches.flush();
  }
  batches.flush();
  return sent;
}

describe('batches of candidate runs sent to be matched', () => {
  test.each([
    [0, []],
    [1, [1]],
    [FIRST_BATCH, [FIRST_BATCH]],
    [FIRST_BATCH + 1, [FIRST_BATCH, 1]],
    [1000, [40, 300, 300, 300, 60]],
    [10_000, [40, ...Array<number>(33).fill(300), 60]],
  ])('%i runs found → messages of %j runs', (found, expected) => {
    expect(scan(found)).toEqual(expected);
  });

  test('a later scan (the page changed) sends full-size batches: only the very first one is small', () => {
    const sent: number[] = [];
    const batches = new RunBatches<number>((runs) => sent.push(runs.length));
    scan(5, batches, sent);
    expect(batches.first).toBe(false);
    scan(700, batches, sent);
    expect(sent).toEqual([5, 300, 300, 100]);
  });

  test('a block reported at once can overfill a batch; it is sent whole', () => {
    const sent: number[][] = [];
    const batches = new RunBatches<number>((runs) => sent.push(runs));
    for (let i = 0; i < 45; i++) batches.add(i);
    expect(batches.full).toBe(true);
    batches.flush();
    expect(sent).toEqual([Array.from({ length: 45 }, (_, i) => i)]);
    expect(batches.empty).toBe(true);
  });

  test('cleared runs are never sent', () => {
    const sent: number[] = [];
    const batches = new RunBatches<number>((runs) => sent.push(runs.length));
    batches.add(1);
    batches.clear();
    batches.flush();
    expect(sent).toEqual([]);
    expect(batches.first).toBe(true);
  });
});
