/** Reconnect delays: exponential from 1 s, capped at 60 s, with jitter so many clients do not retry in step. */
export const BACKOFF_MIN_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;

/** Delay before retry number `attempt` (0-based). `random` in [0, 1) — the upper half of the window ("equal jitter"). */
export function backoffDelay(attempt: number, random: number = Math.random()): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
