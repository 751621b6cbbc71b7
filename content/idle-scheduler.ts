/**
 * Runs work in idle slices so a page with thousands of numbers never sees a long task. `requestIdleCallback` where
 * available (with a timeout so busy pages still get linked), otherwise a zero timeout.
 */
export const SLICE_MS = 8;
/**
 * On pages with a large backlog each slice's DOM writes cost a relayout of the whole document in the next frame
 * (a 10,000-row table: hundreds of ms per frame), so fewer, larger slices finish far sooner while staying under
 * the 50 ms long-task line.
 */
export const LARGE_SLICE_MS = 30;

export interface Slice {
  /** True while the current slice still has time. */
  hasTime(): boolean;
}

export function scheduleIdle(work: (slice: Slice) => void, timeoutMs = 50, sliceMs: () => number = () => SLICE_MS): void {
  const run = (deadline?: IdleDeadline): void => {
    const start = performance.now();
    const budget = sliceMs();
    work({
      hasTime: () =>
        performance.now() - start < budget &&
        (budget > SLICE_MS || deadline === undefined || deadline.didTimeout || deadline.timeRemaining() > 1),
    });
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: timeoutMs });
  else setTimeout(run, 0);
}

/** A slice that starts now and lasts `ms`, for work that should not wait for the next idle period. */
export function sliceNow(ms = SLICE_MS): Slice {
  const start = performance.now();
  return { hasTime: () => performance.now() - start < ms };
}

const queued: Array<() => void> = [];
/** Made on first use: a MessageChannel opened at start-up costs every page several ms (measured on `typical`). */
let channel: MessageChannel | undefined;

/**
 * Runs `work` in a slice of `ms` as an ordinary task, as soon as the event loop is free — not in an idle period.
 * For a bulk wrap: idle callbacks only come after the frame that relayouts the previous slice's writes; tasks can
 * run before it. In quiet runs of the 10,000-row bench this finished somewhat sooner than idle slices (2.3–2.4 s vs
 * 2.6–2.75 s); Chrome still renders between most slices.
 */
export function scheduleTask(work: (slice: Slice) => void, ms: number): void {
  const run = () => work(sliceNow(ms));
  if (typeof MessageChannel !== 'function') return void setTimeout(run, 0);
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queued.shift()?.();
  }
  queued.push(run);
  channel.port2.postMessage(null);
}
