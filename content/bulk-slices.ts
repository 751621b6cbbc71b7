/**
 * Chrome gives rendering priority over every task once the main thread has gone this long without a frame
 * (`kDefaultPrioritizeCompositingAfterDelayMs` in Blink's main-thread scheduler); until then `user-blocking` tasks
 * run first. A bulk wrap that ends before it shares one relayout; one cut by a frame pays two (on a 10,000-row table
 * ~0.7 s and ~0.3 s here).
 */
export const RENDER_DEADLINE_MS = 100;
/** The longest slice task, microtasks included: under the 50 ms long-task line, with room for a small GC. */
export const MAX_TASK_MS = 45;
/** How early, before the deadline, the slice that must still start ahead of the frame is started. */
const MARGIN_MS = 8;
const MIN_SLICE_MS = 4;
/** Until a slice has been measured, the microtasks after it (pages' own observers) are taken to cost this share of it: a first slice of 20 ms. */
const FIRST_OVERHEAD = 1.25;
const MAX_OVERHEAD = 2;

/**
 * Slice lengths for a bulk wrap, so as much of it as possible runs before the next frame without a long task.
 * A frame can only come between tasks, so the slice that starts just before the deadline still runs to its end:
 * slices end a little before the deadline, then one more runs as long as a task may. The time after each slice
 * until the next one starts (the page's mutation observers, other tasks) is measured and kept out of the tasks'
 * 45 ms. Times are `performance.now()` values passed in, so the arithmetic is testable without a browser.
 */
export class BulkSlices {
  private frameAt: number;
  private overhead = FIRST_OVERHEAD;
  private startedAt: number | undefined;
  private endedAt: number | undefined;

  constructor(frameAt: number) {
    this.frameAt = frameAt;
  }

  /** A frame was rendered at `now` (requestAnimationFrame): the deadline moves on. */
  frame(now: number): void {
    this.frameAt = now;
  }

  /** The budget of a slice starting at `now`, in ms. */
  next(now: number): number {
    const { startedAt, endedAt } = this;
    // A frame in between (its relayout) is not what a slice's microtasks cost.
    if (startedAt !== undefined && endedAt !== undefined && endedAt > startedAt && this.frameAt < endedAt) {
      this.overhead = Math.min(MAX_OVERHEAD, Math.max(0, (now - endedAt) / (endedAt - startedAt)));
    }
    this.startedAt = now;
    this.endedAt = undefined;
    const longest = MAX_TASK_MS / (1 + this.overhead);
    const room = RENDER_DEADLINE_MS - MARGIN_MS - (now - this.frameAt);
    if (room <= 0) return longest;
    return Math.max(MIN_SLICE_MS, Math.min(longest, room / (1 + this.overhead)));
  }

  /** The slice that started last ended at `now`. */
  ended(now: number): void {
    this.endedAt = now;
  }
}
