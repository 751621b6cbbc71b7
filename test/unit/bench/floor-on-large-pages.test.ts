import { describe, expect, test } from 'vitest';
import { againstFloorFigures } from '../../bench/floor-on-large-pages';
import type { ContentScriptRuns } from '../../bench/measure-content-script';

/** Runs with only what the figure reads: each load's profiled content-script time. */
const runs = (...ms: number[]) => ({ with: ms.map((scriptMs) => ({ profiled: { scriptMs } })), without: [] }) as unknown as ContentScriptRuns;

describe('againstFloorFigures', () => {
  test("Dialable's median time over the floor's, per page both were measured on", () => {
    const floor = new Map([['fifty-1mb', runs(24.3, 28.9, 19.0)]]);
    const dialable = new Map([
      ['fifty-1mb', runs(32.9, 27.7, 33.2)],
      ['tenk', runs(97.4)],
    ]);
    const [figure, ...rest] = againstFloorFigures(floor, dialable, ['fifty-1mb', 'tenk']);
    expect(rest).toEqual([]);
    expect(figure).toMatchObject({ name: 'cs fifty-1mb vs floor', measured: 32.9, baseline: { value: 24.3 }, runs: 3 });
    expect(figure!.ratio).toBeCloseTo(32.9 / 24.3, 6);
    expect(figure!.target).toBeUndefined();
  });

  test('only fifty-1mb by default: on tenk Dialable links what is near the viewport, the floor everything', () => {
    const both = new Map([
      ['fifty-1mb', runs(10)],
      ['tenk', runs(20)],
    ]);
    expect(againstFloorFigures(both, both).map((f) => f.name)).toEqual(['cs fifty-1mb vs floor']);
  });
});
