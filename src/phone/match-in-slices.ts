import { findLinkMatches } from './link-matches';
import type { LinkMatch } from './phone-match';

/**
 * Longest text matched in one go. libphonenumber's cost per character varies by four orders of magnitude with the
 * text: plain prose costs nothing, a run like "1 2 1 2 1 2…" about 20 µs a character. A piece this long takes a few
 * milliseconds at worst, so the matcher can let other work (a hang-up, another tab) in between pieces.
 */
export const MATCH_PIECE = 1000;
/**
 * Text read on either side of a piece without owning its matches: the words before a number that decide whether it
 * is one (context words, an IBAN label), a unit after it, and a number with its extension that starts near the end.
 */
const OVERLAP = 64;

/** Where to cut, in order of preference: a line break, a space between two words, a space after , or ;, any space. */
const CUTS = [/\n/g, /\p{L}\s+(?=\p{L})/gu, /[,;]\s+/g, /\s+/g];

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
export async function matchInSlices(texts: readonly string[], country: string | undefined, clock: SliceClock): Promise<LinkMatch[][]> {
  let sliceStart = clock.now();
  const out: LinkMatch[][] = [];
  for (const text of texts) {
    const matches: LinkMatch[] = [];
    let from = 0;
    for (const to of cutPoints(text)) {
      const lead = Math.max(0, from - OVERLAP);
      const window = text.slice(lead, Math.min(text.length, to + OVERLAP));
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

/** The ends of the pieces `text` is matched in (the last one is `text.length`). */
export function cutPoints(text: string): number[] {
  const ends: number[] = [];
  let from = 0;
  while (text.length - from > MATCH_PIECE) {
    const window = text.slice(from + MATCH_PIECE / 2, from + MATCH_PIECE);
    const cut = bestCut(window);
    from = cut >= 0 ? from + MATCH_PIECE / 2 + cut : from + MATCH_PIECE;
    ends.push(from);
  }
  ends.push(text.length);
  return ends;
}

/** After the last preferred break in `window`, or -1. */
function bestCut(window: string): number {
  for (const pattern of CUTS) {
    let last = -1;
    for (const m of window.matchAll(pattern)) last = m.index + m[0].length;
    if (last > 0 && last < window.length) return last;
  }
  return -1;
}

function shift(m: LinkMatch, by: number): LinkMatch {
  return by === 0 ? m : { ...m, start: m.start + by, end: m.end + by };
}
