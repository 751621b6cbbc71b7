import type { CleanText } from './clean-text';

/**
 * White space with a line break or tab in it, between what may end and what may start a piece of one number:
 * the page's source formatting between inline elements (`+45⏎<span>22 58 54 58</span>`).
 */
const BREAKING_SPACE = /(?<=[\d+(),./-])\s*[\t\n\v\f\r]\s*(?=[\d+(])/g;
const HAS_BREAKING_SPACE = /[\t\n\v\f\r]/;
/** How much text around each collapsed place is read again: more than any number with its label on either side. */
const WINDOW = 48;

/**
 * The places in a text where a browser shows one space (`innerText`) and libphonenumber sees a line break it will
 * not read across, each as a window of the text with that white space collapsed to one space. Offsets still lead
 * back to the raw text (a collapsed run maps to its first character). Only these windows are read again, and
 * only where `settled` (the raw white space's bounds) says the first reading found no number that ends or starts
 * there, so a long list of numbers one per line is read once.
 */
export function collapseSpace(clean: CleanText, settled: (rawFrom: number, rawTo: number) => boolean = () => false): CollapsedWindow[] {
  const { text, offsets } = clean;
  if (!HAS_BREAKING_SPACE.test(text)) return [];
  const windows: CollapsedWindow[] = [];
  let end = 0;
  for (const m of text.matchAll(BREAKING_SPACE)) {
    if (m.index < end || settled(offsets[m.index] as number, offsets[m.index + m[0].length] as number)) continue;
    let from = Math.max(0, m.index - WINDOW);
    let to = Math.min(text.length, m.index + m[0].length + WINDOW);
    // Widen to white space on both sides, so no word or digit run is cut in two at the window's edges.
    while (from > 0 && !/\s/.test(text.charAt(from - 1))) from--;
    while (to < text.length && !/\s/.test(text.charAt(to))) to++;
    windows.push(collapse(text, offsets, from, to));
    end = to;
  }
  return windows;
}

/** A window of a text with its breaking white space collapsed; `joins` are the raw positions of the collapsed runs. */
export interface CollapsedWindow extends CleanText {
  joins: number[];
}

/** `text.slice(from, to)` with every breaking white space between number pieces collapsed to one space. */
function collapse(text: string, offsets: readonly number[], from: number, to: number): CollapsedWindow {
  const parts: string[] = [];
  const kept: number[] = [];
  const joins: number[] = [];
  let at = from;
  const copy = (until: number) => {
    parts.push(text.slice(at, until));
    for (let i = at; i < until; i++) kept.push(offsets[i] as number);
  };
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(BREAKING_SPACE)) {
    copy(from + m.index);
    parts.push(' ');
    kept.push(offsets[from + m.index] as number);
    joins.push(offsets[from + m.index] as number);
    at = from + m.index + m[0].length;
  }
  copy(to);
  kept.push(offsets[to] as number);
  return { text: parts.join(''), offsets: kept, joins };
}
