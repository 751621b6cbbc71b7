/**
 * Runs work in idle slices so a page with thousands of numbers never sees a long task. `requestIdleCallback` where
 * available (with a timeout so busy pages still get linked), otherwise a zero timeout.
 */
export const SLICE_MS = 8;

export interface Slice {
  /** True while the current slice still has time. */
  hasTime(): boolean;
}

export function scheduleIdle(work: (slice: Slice) => void, timeoutMs = 50): void {
  const run = (deadline?: IdleDeadline): void => {
    const start = performance.now();
    work({
      hasTime: () =>
        performance.now() - start < SLICE_MS && (deadline === undefined || deadline.didTimeout || deadline.timeRemaining() > 1),
    });
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: timeoutMs });
  else setTimeout(run, 0);
}
