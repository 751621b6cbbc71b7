/**
 * Runs work in idle slices so a page with thousands of numbers never sees a long task. `requestIdleCallback` where
 * available (with a timeout so busy pages still get linked), otherwise a zero timeout.
 */
export const SLICE_MS = 8;
/**
 * Slices for a large backlog (a long scan, wrapping a few hundred runs): each slice's DOM writes cost a
 * relayout of the whole document in the next frame (a 10,000-row table: hundreds of ms per frame), so fewer, larger
 * slices finish far sooner. 20 ms, not more: a scan slice can overrun by a young-generation GC (up to ~30 ms
 * measured on the 10,000-row bench), and must stay under the 50 ms long-task line (25 ms slices gave 1–3 long tasks
 * a run, 20 ms none in most runs). A large page's released runs are written once per frame (see write-batches.ts).
 */
export const LARGE_SLICE_MS = 20;

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

/** How urgent a task is, as `scheduler.postTask` reads it. */
export type TaskPriority = 'user-blocking' | 'user-visible';

interface PostTaskScheduler {
  postTask(callback: () => void, options: { priority: TaskPriority }): Promise<unknown>;
}

/**
 * Runs `work` in a slice of `ms` (or of what `ms()` says when the task starts) as an ordinary task, as soon as the
 * event loop is free — not in an idle period. For bulk work on a page with thousands of numbers. `user-blocking` (`scheduler.postTask`, where the browser has
 * it) runs ahead of rendering for a while. `user-visible` is an ordinary task (a MessageChannel message where postTask is missing).
 */
export function scheduleTask(work: (slice: Slice) => void, ms: number | (() => number), priority: TaskPriority = 'user-visible'): void {
  const run = () => work(sliceNow(typeof ms === 'number' ? ms : ms()));
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    try {
      return void scheduler.postTask(run, { priority });
    } catch {
      // A page or browser whose scheduler refuses us: the MessageChannel below does the same, without priorities.
    }
  }
  if (typeof MessageChannel !== 'function') return void setTimeout(run, 0);
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queued.shift()?.();
  }
  queued.push(run);
  channel.port2.postMessage(null);
}

/** How long to wait for a frame that may not come (a tab hidden meanwhile renders none). */
const FRAME_WAIT_MS = 100;

/**
 * Runs `fn` once the next frame has begun, so that the task it posts comes after that frame's rendering: a run of
 * back-to-back tasks holds off rendering, and a page then shows one long frame with all of them in it. In a hidden
 * tab (no frames) at once.
 */
export function afterNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') return fn();
  let done = false;
  const go = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    fn();
  };
  const timer = setTimeout(go, FRAME_WAIT_MS);
  requestAnimationFrame(go);
}
