/** How often one tab may start calls: one per `gapMs`, at most `perMinute` in any 60 s. */
export interface PageDialLimits {
  gapMs: number;
  perMinute: number;
}

export const PAGE_DIAL_LIMITS: PageDialLimits = { gapMs: 2_000, perMinute: 5 };

/**
 * The per-tab rate limit on page-initiated dials (link clicks): a page that makes the user click in a loop (or
 * floods trusted-looking clicks) gets one dial per 2 s and five per minute; the rest are dropped and counted.
 * State lives in memory: a background restart forgets it, which only ever allows one more dial.
 */
export function createPageDialLimit(limits: PageDialLimits = PAGE_DIAL_LIMITS, now: () => number = Date.now) {
  const recent = new Map<number, number[]>();
  let dropped = 0;
  return {
    /** True when this tab may dial now (and records it); false when the dial must be dropped. */
    allow(tabId: number): boolean {
      const at = now();
      const times = (recent.get(tabId) ?? []).filter((t) => at - t < 60_000);
      const last = times[times.length - 1];
      if ((last !== undefined && at - last < limits.gapMs) || times.length >= limits.perMinute) {
        recent.set(tabId, times);
        dropped += 1;
        return false;
      }
      times.push(at);
      recent.set(tabId, times);
      return true;
    },
    /** A closed tab's history goes. */
    forget(tabId: number): void {
      recent.delete(tabId);
    },
    /** Dials dropped so far (since the background started). */
    get dropped(): number {
      return dropped;
    },
  };
}

export type PageDialLimit = ReturnType<typeof createPageDialLimit>;
