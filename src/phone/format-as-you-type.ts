import { AsYouType } from 'libphonenumber-js/max';
import { toCountryCode } from './to-country-code';

/** The number field's text and where the caret is in it. */
export interface FieldEdit {
  text: string;
  caret: number;
}

/** Only digits, a leading +, and the separators people type; anything else (sip:, tel:, x204, *#, letters) is left alone. */
const FORMATTABLE = /^[\d+\s().\-/]*$/;
/** Shorter digit strings are internal extensions (204, 4711) more often than the start of a number: not formatted. */
const MIN_NATIONAL_DIGITS = 6;

/**
 * As-you-type formatting for the dialer's number field ("2133734253" → "(213) 373-4253" for US), with the caret
 * kept after the same digit it followed before. Text that is not a plain number (SIP URIs, `tel:` URIs, extensions
 * with letters, service codes with `*`/`#`) comes back unchanged, and so do national strings of fewer than six digits
 * (extensions). `previous` is the field's text before this edit: when the edit only removed a formatting character
 * (Backspace over ")" or "-"), the digit before the caret goes instead, as people expect.
 */
export function formatAsYouType(edit: FieldEdit, defaultCountry?: string, previous?: string): FieldEdit {
  let { text, caret } = edit;
  if (!FORMATTABLE.test(text)) return edit;
  if (previous !== undefined && text.length < previous.length && significant(text) === significant(previous)) {
    const before = significantBefore(text, caret);
    if (before > 0) {
      const cut = indexAfter(text, before) - 1;
      text = text.slice(0, cut) + text.slice(cut + 1);
      caret = cut;
    }
  }
  const digits = significant(text);
  const keep = significantBefore(text, caret);
  const formatted = shouldFormat(digits) ? new AsYouType(toCountryCode(defaultCountry)).input(digits) : digits;
  // The formatter never drops or adds digits; if it ever did, the user's digits win over the looks.
  let result = significant(formatted) === digits ? formatted : digits;
  // A space typed at the end is kept: the user may be about to type "x204" or "ext. 204".
  const trailingSpace = caret === text.length && /\d\s$/.test(text);
  if (trailingSpace) result += ' ';
  return { text: result, caret: trailingSpace ? result.length : keep === 0 ? 0 : indexAfter(result, keep) };
}

function shouldFormat(digits: string): boolean {
  return digits.startsWith('+') ? digits.length > 1 : digits.length >= MIN_NATIONAL_DIGITS;
}

/** Digits plus a leading "+": what the formatter sees and what the caret is counted in. */
function significant(text: string): string {
  const plus = text.trimStart().startsWith('+');
  return (plus ? '+' : '') + text.replace(/\D/g, '');
}

function significantBefore(text: string, caret: number): number {
  return significant(text.slice(0, Math.max(0, caret))).length;
}

/** The index just after the `count`-th significant character of `text`. */
function indexAfter(text: string, count: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (/\d/.test(ch) || (ch === '+' && seen === 0)) seen += 1;
    if (seen === count) return i + 1;
  }
  return text.length;
}
