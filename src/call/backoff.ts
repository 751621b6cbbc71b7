/**
 * When to try the server again. Every retry waits at least {@link BACKOFF_MIN_MS} plus a random part of a window
 * that doubles per failed attempt ("full jitter"), capped so no wait exceeds {@link BACKOFF_MAX_MS}. The first
 * window is {@link FIRST_WINDOW_MS} wide: when a server drops all its clients at once, their first retries spread
 * over more than five seconds instead of arriving together (which is what takes a restarted server down again).
 */
export const BACKOFF_MIN_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;
export const FIRST_WINDOW_MS = 7_000;
/** Registered this long without a problem: the next loss starts again from the first window. */
export const STABLE_AFTER_MS = 60_000;
/** The longest `Retry-After` obeyed: a server asking for more than an hour is more likely wrong than busy. */
export const RETRY_AFTER_MAX_MS = 3_600_000;

/** The range retry number `attempt` (0-based) falls in, in ms: `[min, max)`. */
export function backoffWindow(attempt: number): { min: number; max: number } {
  const window = Math.min(BACKOFF_MAX_MS - BACKOFF_MIN_MS, FIRST_WINDOW_MS * 2 ** Math.min(attempt, 16));
  return { min: BACKOFF_MIN_MS, max: BACKOFF_MIN_MS + window };
}

/**
 * Delay before retry number `attempt` (0-based); `random` in [0, 1). `retryAfterMs`: what the server asked for
 * (503/500 `Retry-After`), which is a floor — never retry earlier than asked.
 */
export function backoffDelay(attempt: number, random: number = Math.random(), retryAfterMs = 0): number {
  const { min, max } = backoffWindow(attempt);
  const jittered = Math.floor(min + (max - min) * random);
  return Math.max(jittered, Math.min(retryAfterMs, RETRY_AFTER_MAX_MS));
}

/** `Retry-After` of a SIP response in ms (RFC 3261 §20.33: delta-seconds, an optional comment), or 0. */
export function retryAfterMs(header: string | undefined): number {
  const seconds = /^\s*(\d{1,7})/.exec(header ?? '')?.[1];
  return seconds === undefined ? 0 : Number(seconds) * 1000;
}

/**
 * The retry count behind {@link backoffDelay}: grows with each failed attempt, and starts again after a connection
 * that held for {@link STABLE_AFTER_MS} (a flapping server keeps backing off; a rare drop is retried quickly).
 */
export class Backoff {
  private attempt = 0;
  private upSince: number | undefined;

  /** A new account, or the network is back: the next retry is a first one. */
  reset(): void {
    this.attempt = 0;
    this.upSince = undefined;
  }

  /** Registered (or connected) from `now` on. */
  up(now: number): void {
    this.upSince = now;
  }

  /** The delay before the next attempt; `retryAfterMs`: what the server asked for. */
  next(now: number, retryAfterMs = 0, random = Math.random()): number {
    if (this.upSince !== undefined && now - this.upSince >= STABLE_AFTER_MS) this.attempt = 0;
    this.upSince = undefined;
    return backoffDelay(this.attempt++, random, retryAfterMs);
  }
}
