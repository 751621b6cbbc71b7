/** A frame longer than this is a long animation frame; writes aim below it, with room for the page's own work. */
export const FRAME_BUDGET_MS = 45;
/** Runs in the first write, before anything has been measured. */
export const FIRST_RUNS = 100;
export const MIN_RUNS = 10;

/**
 * How many runs the next frame's write may link, from what earlier writes cost: the time from the frame that wrote
 * to the next one (our script, the relayout it causes, paint). A frame's cost is modelled as a part every write pays
 * whatever it holds (the relayout of the changed part of the page: on a huge table the whole table) plus a part per
 * run (new links' style and layout), fitted through the smallest and the largest write so far. Over the budget
 * with only one size tried, a smaller write tells the two parts apart. Where the fixed part alone breaks the budget
 * no batch size helps, so writes take everything released: fewer writes, fewer long frames. Times are passed in,
 * so the arithmetic is testable without a browser.
 */
export class WriteBatches {
  /** [runs, frame ms] of the smallest and the largest write so far. */
  private fewest: [number, number] | undefined;
  private most: [number, number] | undefined;

  /** The most runs to link in the next write. */
  size(): number {
    const { fewest, most } = this;
    if (fewest === undefined || most === undefined) return FIRST_RUNS;
    const [r1, m1] = fewest;
    const [r2, m2] = most;
    if (r2 > r1) {
      const perRun = Math.max(0, (m2 - m1) / (r2 - r1));
      const fixed = m1 - perRun * r1;
      if (fixed >= FRAME_BUDGET_MS) return Number.POSITIVE_INFINITY;
      if (perRun === 0) return r2 * 2;
      return Math.max(MIN_RUNS, Math.min(r2 * 2, Math.floor((FRAME_BUDGET_MS - fixed) / perRun)));
    }
    if (m1 <= FRAME_BUDGET_MS) return r1 * 2;
    // Even the smallest write made a long frame: it is the page's relayout, not our links.
    if (r1 <= MIN_RUNS) return Number.POSITIVE_INFINITY;
    return Math.max(MIN_RUNS, Math.floor(r1 / 4));
  }

  /** A write of `runs` runs was followed by a frame of `frameMs` (from the writing frame's start to the next one's). */
  measured(runs: number, frameMs: number): void {
    if (runs <= 0 || !Number.isFinite(runs) || !Number.isFinite(frameMs) || frameMs < 0) return;
    if (this.fewest === undefined || runs <= this.fewest[0]) this.fewest = [runs, frameMs];
    if (this.most === undefined || runs >= this.most[0]) this.most = [runs, frameMs];
  }
}
