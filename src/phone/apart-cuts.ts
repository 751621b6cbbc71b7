/**
 * A place between two digit runs where one number may end and the next token begin, though libphonenumber reads the
 * digits on both sides as one candidate and, finding no valid number in it, returns none. A number may end at `end`
 * and one may start at `start` (either may be left out).
 */
export interface ApartCut {
  end?: number | undefined;
  start?: number | undefined;
}

/** A short digit group after the space that starts a token of its own: "… 24/7", "… 100 Main Street", "… 500 free". */
const END_BEFORE = /\d (?=\d{1,5}(?:\/\d{1,2})?(?:[\s,.;:!?]+\p{L}|[\s,.;:!?]*$))/gu;
/** A short amount or range before the space, as a token of its own, and a number's seven digits after it: "€20 …". */
const START_AFTER = /(?:^|\s)(?:[^\s\d+(]{1,3}\d{1,5}|\d{1,2}[-–]\d{1,2}) (?=[(+]?\d(?:[()\-./ ]{0,2}\d){6})/gu;
/** A slash with spaces around it between two numbers ("02/5443 1234 / 02/5443 1235"). */
const SLASH = /\d \/ (?=[(+]?\d)/g;
/** Any space between two digit runs, for numbers written side by side the same way. */
const BETWEEN = /[\d)] (?=[(+]?\d)/g;
/** What every cut above has around it: most texts have none, and are not searched further. */
const ANY_CUT = /[\d)] (?:\/ )?[(+]?\d/;
/** How many characters a repeated number may take, with its punctuation. */
const SHAPE = { min: 8, max: 20 };

/** The places in `text` worth a second reading (see {@link ApartCut}), in ascending order. */
export function apartCuts(text: string): ApartCut[] {
  const cuts: ApartCut[] = [];
  if (!ANY_CUT.test(text)) return cuts;
  // Each pattern takes the character before the space in (a lookbehind would be tried at every position).
  for (const m of text.matchAll(END_BEFORE)) cuts.push({ end: m.index + 1 });
  for (const m of text.matchAll(START_AFTER)) cuts.push({ start: m.index + m[0].length });
  for (const m of text.matchAll(SLASH)) cuts.push({ end: m.index + 1, start: m.index + m[0].length });
  for (const m of text.matchAll(BETWEEN)) if (repeats(text, m.index + 1)) cuts.push({ end: m.index + 1, start: m.index + 2 });
  return cuts.sort((a, b) => (a.end ?? (a.start as number)) - (b.end ?? (b.start as number)));
}

/**
 * True when the text right after the space at `at` is written exactly like the text right before it, digit for
 * digit, punctuated as a number, and after a word or the start ("Tel 031-123 45 67 031-123 45 68"): two numbers of
 * one office side by side.
 */
function repeats(text: string, at: number): boolean {
  const shape = (s: string) => s.replace(/\d/g, '0');
  for (let length = SHAPE.min; length <= SHAPE.max; length++) {
    const from = at - length;
    const to = at + 1 + length;
    if (from < 0 || to > text.length) break;
    const b1 = text.charAt(from - 1);
    const afterWord = !NUMBER_CHAR.test(b1) || (b1 === ' ' && !NUMBER_CHAR.test(text.charAt(from - 2)));
    if (!afterWord || /\d/.test(text.charAt(to))) continue;
    const before = text.slice(from, at);
    if ((before.match(/\d/g)?.length ?? 0) >= 7 && PUNCTUATED.test(before) && shape(before) === shape(text.slice(at + 1, to))) return true;
  }
  return false;
}

/** Characters a number with its punctuation is written with: a window is widened over them, never cut inside one. */
const NUMBER_CHAR = /[\d()+\-./ ]/;
/** A separator other than white space between two digits, or a parenthesis. */
const PUNCTUATED = /\d[-./]\d|[()]/;
/** How far a window reaches from the cut: a number with its punctuation, and no more than a few of them. */
const WINDOW = { least: 24, most: 64 };

/**
 * The numbers libphonenumber finds at the cuts in `text` when it reads only up to a cut's `end` (matches ending
 * exactly there) or only from its `start` (matches starting exactly there). `free(at)` says whether a number found
 * so far covers `at`; `search(from, to)` reads `text.slice(from, to)` and returns matches indexed into `text`.
 * Windows never reach back before the last one's end, so a hostile text of cuts ("1-2 1-2 1-2 …") costs at most two
 * more readings. Lazy, so `free` sees the numbers the caller keeps on the way.
 */
export function* readApart<M extends { start: number; end: number }>(
  text: string,
  free: (at: number) => boolean,
  search: (from: number, to: number) => M[],
): Generator<M> {
  let readUntil = 0;
  const cuts = apartCuts(text);
  const ends = cuts.flatMap((c) => (c.end === undefined ? [] : [c.end]));
  let nextEnd = 0;
  for (const { end, start } of cuts) {
    if (end !== undefined && end > readUntil && free(end)) {
      let from = Math.max(readUntil, end - WINDOW.least);
      while (from > readUntil && end - from < WINDOW.most && NUMBER_CHAR.test(text.charAt(from - 1))) from--;
      readUntil = end;
      // A window that starts inside a run of digits could find the tail of a number as a number of its own.
      const m = NUMBER_CHAR.test(text.charAt(from - 1)) ? undefined : search(from, end).find((m) => m.end === end);
      if (m) yield m;
    }
    if (start !== undefined && start >= readUntil && free(start)) {
      // Up to the next place a number may end ("9-5 (212) 555-0147 24 hours"), then, when that cut the number itself
      // short ("€20 031-123 45 67"), as far as the number's characters go.
      while (nextEnd < ends.length && (ends[nextEnd] as number) <= start) nextEnd++;
      for (const limit of new Set([Math.min(text.length, ends[nextEnd] ?? Infinity), text.length])) {
        let to = Math.min(limit, start + WINDOW.least);
        while (to < limit && to - start < WINDOW.most && NUMBER_CHAR.test(text.charAt(to))) to++;
        readUntil = to;
        const m = to < limit && NUMBER_CHAR.test(text.charAt(to)) ? undefined : search(start, to).find((m) => m.start === start);
        if (m) {
          yield m;
          break;
        }
      }
    }
  }
}
