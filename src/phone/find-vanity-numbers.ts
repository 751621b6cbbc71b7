import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import type { CleanText } from './clean-text';
import { CONTEXT_WINDOW, contextScore } from './context-words';
import { hasCandidate } from './has-candidate';

/** A vanity number found in a text: where it is in the raw text, and the number its keypad letters dial. */
export interface VanityMatch {
  start: number;
  end: number;
  number: PhoneNumber;
  written: 'international' | 'national';
}

/** Digits, then letters: only worth the full search when some digits are followed by two capitals. */
const HINT = /\d[\s.)-]{1,2}[A-Z]{2}/;
/**
 * "1-800-FLOWERS", "0800 REPAIRS", "1-800-GO-FEDEX", "+44 800 HELP NOW", "(800) FLOWERS": a prefix of digits ending in
 * three, then groups of capitals (and digits) joined by - . or a space. Lower-case letters end it ("1-800-Flowers"
 * is a brand name as often as a number). Each group's first letter is where its letters start, so no text can be
 * read as groups in more than one way (no backtracking that grows with the number of groups).
 */
const VANITY = /(?<![\p{L}\p{N}+])(\+?\(?\d[\d\s().-]{0,10}\d{2}\)?)[\s.-]{1,2}([A-Z][A-Z\d]*(?:[\s.-]\d*[A-Z][A-Z\d]*)*)(?![\p{L}\p{N}])/gu;
const KEYPAD: Record<string, string> = {};
for (const [digit, letters] of Object.entries({ 2: 'ABC', 3: 'DEF', 4: 'GHI', 5: 'JKL', 6: 'MNO', 7: 'PQRS', 8: 'TUV', 9: 'WXYZ' })) {
  for (const letter of letters) KEYPAD[letter] = digit;
}
/** No valid number has more digits than this (E.164's 15, plus a national trunk or exit prefix). */
const MAX_DIGITS = 18;
/** Fewer letters than this is a digit run with a word after it ("0800 123 FREE" is not dialled as letters). */
const MIN_LETTERS = 3;

/**
 * Vanity numbers labelled as phone numbers ("Call 1-800-FLOWERS", "Tel: 0800 REPAIRS"): the keypad digits of the
 * letters, as valid numbers for `country` (or international ones). Letters past what the number needs are not
 * dialled (1-800-CONTACTS is 1-800-266-8228), as a phone ignores them, but the link covers the word they are in.
 * Unlabelled capitals after digits ("Route 66 EAST", "1995 GMC") are never read.
 */
export function findVanityNumbers(raw: string, clean: CleanText, country: CountryCode | undefined): VanityMatch[] {
  const { text, offsets } = clean;
  if (!HINT.test(text)) return [];
  const out: VanityMatch[] = [];
  for (const m of text.matchAll(VANITY)) {
    const prefix = m[1] as string;
    const letters = m[2] as string;
    if ((letters.match(/[A-Z]/g) ?? []).length < MIN_LETTERS) continue;
    if (contextScore(text.slice(Math.max(0, m.index - CONTEXT_WINDOW), m.index)) <= 0) continue;
    const found = dialled(prefix, letters, country);
    if (found === undefined) continue;
    // The link ends with the word holding the last letter dialled.
    const wordEnd = /[\s.-]|$/.exec(letters.slice(found.used))?.index ?? 0;
    const end = (offsets[m.index + m[0].length - letters.length + found.used + wordEnd - 1] as number) + 1;
    const start = offsets[m.index] as number;
    if (!hasCandidate(raw.slice(start, end))) continue;
    out.push({ start, end, number: found.number, written: prefix.startsWith('+') ? 'international' : 'national' });
  }
  return out;
}

/** The longest valid number the prefix and the first letters make, and how many characters of `letters` it used. */
function dialled(prefix: string, letters: string, country: CountryCode | undefined): { number: PhoneNumber; used: number } | undefined {
  const digits = prefix.replace(/\D/g, '');
  const plus = prefix.startsWith('+') ? '+' : '';
  const keys: Array<{ key: string; at: number }> = [];
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charAt(i);
    const key = KEYPAD[c] ?? (/\d/.test(c) ? c : undefined);
    if (key !== undefined) keys.push({ key, at: i + 1 });
  }
  let letterCount = 0;
  const enough = keys.findIndex(({ at }) => /[A-Z]/.test(letters.charAt(at - 1)) && ++letterCount === MIN_LETTERS);
  for (let n = Math.min(keys.length, MAX_DIGITS - digits.length); n > enough; n--) {
    const number = parsePhoneNumberFromString(plus + digits + keys.slice(0, n).map((k) => k.key).join(''), country);
    if (number?.isValid()) return { number, used: (keys[n - 1] as { at: number }).at };
  }
  return undefined;
}
