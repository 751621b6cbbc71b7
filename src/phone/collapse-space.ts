import type { CleanText } from './clean-text';

/** A run of white space with a line break, tab or form feed in it: what a browser collapses and libphonenumber will not read across. */
const BREAKING_SPACE = /\s*[\t\n\v\f\r]\s*/g;
const HAS_BREAKING_SPACE = /[\t\n\v\f\r]/;

/**
 * The text as a browser shows it in normal flow (`innerText`): every run of white space that holds a line break or
 * a tab becomes one space. The page's own source formatting sits between inline elements (`+45⏎<span>22 58 54
 * 58</span>`), and libphonenumber does not read a number across a line break. Offsets still lead back to the raw
 * text (a collapsed run maps to its first character). Undefined when there is nothing to collapse.
 */
export function collapseSpace(clean: CleanText): CleanText | undefined {
  const { text, offsets } = clean;
  if (!HAS_BREAKING_SPACE.test(text)) return undefined;
  const parts: string[] = [];
  const kept: number[] = [];
  let from = 0;
  const copy = (to: number) => {
    parts.push(text.slice(from, to));
    for (let i = from; i < to; i++) kept.push(offsets[i] as number);
  };
  for (const m of text.matchAll(BREAKING_SPACE)) {
    copy(m.index);
    parts.push(' ');
    kept.push(offsets[m.index] as number);
    from = m.index + m[0].length;
  }
  copy(text.length);
  kept.push(offsets[text.length] as number);
  return { text: parts.join(''), offsets: kept };
}
