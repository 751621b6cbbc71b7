/**
 * When the call log tries a failed delivery again: the first retry after about 2 s, doubling with every failure up
 * to 5 minutes, each delay drawn between half and all of that window (jitter: browsers that lost the same receiver
 * at once do not all come back in step).
 */
export const CALL_LOG_RETRY = { firstMs: 2_000, maxMs: 300_000 } as const;

/** The delay before attempt `failures + 1`, after `failures` (≥ 1) failed attempts in a row; `random` in [0, 1). */
export function callLogRetryDelay(failures: number, random: number = Math.random()): number {
  const window = Math.min(CALL_LOG_RETRY.maxMs, CALL_LOG_RETRY.firstMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(window / 2 + (window / 2) * random);
}
