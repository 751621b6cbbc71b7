import { backoffDelay } from '../../src/call/backoff';

/**
 * When 50 clients lose the same server at once, how far apart their first retries fall: the engine's own schedule
 * (`backoffDelay` with the browser's random numbers) for `trials` such outages. Returns the smallest and the median
 * spread (latest first retry minus earliest), in ms.
 */
export function measureRetrySpread(clients = 50, trials = 1000): { min: number; median: number } {
  const spreads: number[] = [];
  for (let trial = 0; trial < trials; trial++) {
    const first = Array.from({ length: clients }, () => backoffDelay(0));
    spreads.push(Math.max(...first) - Math.min(...first));
  }
  spreads.sort((a, b) => a - b);
  return { min: spreads[0] ?? 0, median: spreads[Math.floor(spreads.length / 2)] ?? 0 };
}
