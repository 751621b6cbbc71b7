import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';

/** Every country calling code libphonenumber knows ('1', '44', '420' …). Calling codes are prefix-free. */
const CALLING_CODES = new Set(getCountries().map((c) => getCountryCallingCode(c) as string));

/**
 * `00`, `(00`, `00 `, `(00 ` opening a token, followed by the digits of a country calling code. Not after a letter,
 * digit, `+` or joiner, nor after a digit group ("138 0013 8000"), so "1.0049…", "A-0044…" and "+0044…" stay
 * what they are.
 */
const EXIT_CODE = /(?<![\p{L}\p{N}+\-./:_])(?<!\d[ \-./])(\(\s?)?00 ?(\d{1,3})/gu;

/** A text with its `00` international prefixes written as `+`, and where each rewritten prefix began. */
export interface MarkedPrefixes {
  text: string;
  /** `[start, plus]`: the prefix's first character in the text, and where its `+` now is. Ascending. */
  prefixes: Array<[number, number]>;
}

/**
 * Rewrites the `00` international prefix as `+`, keeping every other character where it was: `(0039) 031/481077`
 * → ` (+39) 031/481077`, `(00 39)` → `  (+39)`, `0049 (0)30 …` → ` +49 (0)30 …`. Pages write `00` for "international"
 * whatever the reader's own exit code (011 in the US, 010 in Japan), and libphonenumber reads `00` only as the
 * default country's exit code. Only a valid calling code is rewritten; whether the rest is a valid number is still
 * libphonenumber's call, so a `00` run that is not a number stays unlinked.
 */
export function markInternationalPrefixes(text: string): MarkedPrefixes {
  if (!text.includes('00')) return { text, prefixes: [] };
  const prefixes: Array<[number, number]> = [];
  const out = text.replace(EXIT_CODE, (whole: string, paren: string | undefined, digits: string, at: number) => {
    const code = [1, 2, 3].map((n) => digits.slice(0, n)).find((c) => c.length > 0 && CALLING_CODES.has(c));
    if (code === undefined) return whole;
    const head = whole.length - digits.length;
    const plus = paren === undefined ? '+' : '(+';
    prefixes.push([at, at + head - 1]);
    return ' '.repeat(head - plus.length) + plus + digits;
  });
  return { text: out, prefixes };
}

/** Where a match that starts at `start` in the marked text starts in the page: at its `00` prefix when it has one. */
export function prefixStart(prefixes: ReadonlyArray<[number, number]>, start: number): number {
  for (const [from, plus] of prefixes) {
    if (start >= from && start <= plus) return from;
    if (from > start) break;
  }
  return start;
}
