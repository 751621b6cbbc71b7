import { findLinkMatches } from './link-matches';
import type { LinkMatch } from './phone-match';
import { cutPoints, MATCH_OVERLAP } from './match-pieces';

export { cutPoints, MATCH_PIECE } from './match-pieces';

export interface SliceClock {
  /** Milliseconds, monotonic (performance.now()). */
  now(): number;
  /** Lets queued events run (a macrotask), so a long batch never holds the thread. */
  pause(): Promise<void>;
  /** Work between pauses. */
  sliceMs: number;
}

/**
 * {@link findLinkMatches}, in pieces of at most {@link MATCH_PIECE} characters and pausing every `sliceMs`, so that
 * no page can hold the background for long with text that is slow to match. Same matches for texts up to a piece
 * long; a longer text is cut where no number can be cut in two (a line break, between words) whenever there is such
 * a place, and each piece is read with its neighbours' edges for context.
 */
export async function matchInSlices(texts: readonly string[], country: string | readonly string[] | undefined, clock: SliceClock): Promise<LinkMatch[][]> {
  let sliceStart = clock.now();
  const out: LinkMatch[][] = [];
  for (const text of texts) {
    const matches: LinkMatch[] = [];
    let from = 0;
    for (const to of cutPoints(text)) {
      const lead = Math.max(0, from - MATCH_OVERLAP);
      const window = text.slice(lead, Math.min(text.length, to + MATCH_OVERLAP));
      const last = matches[matches.length - 1];
      for (const m of (findLinkMatches([window], country)[0] ?? []).map((m) => shift(m, lead))) {
        // A piece owns the numbers that start in it; one already taken by the piece before is not read twice.
        if (m.start >= from && m.start < to && (last === undefined || m.start >= last.end)) matches.push(m);
      }
      from = to;
      if (clock.now() - sliceStart >= clock.sliceMs) {
        await clock.pause();
        sliceStart = clock.now();
      }
    }
    out.push(matches);
  }
  return out;
}

function shift(m: LinkMatch, by: number): LinkMatch {
  return by === 0 ? m : { ...m, start: m.start + by, end: m.end + by };
}
