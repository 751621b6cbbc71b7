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
export const MATCH_OVERLAP = 64;

/** Where to cut, in order of preference: a line break, a space between two words, a space after , or ;, any space. */
const CUTS = [/\n/g, /\p{L}\s+(?=\p{L})/gu, /[,;]\s+/g, /\s+/g];

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
