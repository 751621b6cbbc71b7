import { PHONE_WORDS } from './phone-words';

/** How long a label may be: a column header or a field name, not a sentence that mentions a phone. */
const MAX_LABEL = 40;

/** Longest first, so "telefonnummer" is tried before "telefon". */
const alternation = (words: readonly string[]) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.+?*()[\]{}|^$\\]/g, '\\$&')).join('|');

/**
 * The label ends with a word that speaks for a phone number (not inside a word, a dotted name or a path), maybe
 * followed by "No." or "number", a parenthesised note and a colon: "Phone", "Telefon-Nr.:", "Mobile phone",
 * "Kunden-Telefon", "Tel. (Büro)", "Telephone / Fax", "Tel./Fax", "Phones", "Téléphone *".
 */
const labelPattern = () =>
  new RegExp(
    String.raw`^(?:[^\s-]+[\s-]+){0,4}?(?<![\p{L}\p{N}._/@])(?:${alternation(PHONE_WORDS)})s?(?![\p{L}\p{N}])` +
      String.raw`(?:[\s.-]*(?:no\.?|nr\.?|n°|nº|#|number|num\.|nummer))?\.?(?:\s*\([^()\d]{1,20}\))?[\s:.*]*$`,
    'iu',
  );
let label: RegExp | undefined;
/**
 * A label holds one of the words, lower-cased (a trailing dot dropped: "tel" stands for "tel."): a test of a few
 * microseconds that spares the pattern, whose first use costs the page about a millisecond to compile, on every
 * page where nothing near a number is a label.
 */
const WORDS = [...new Set(PHONE_WORDS.map((w) => w.toLowerCase().replace(/\.$/, '')))];

/**
 * True when `raw` is a label that names a phone number: a table column header, a `<dt>`, a `<label>` or a field
 * name next to a value. No digits, short, and the phone word is what it ends with, so "Ring size" or "Call date"
 * are not labels for the digits under them.
 */
export function isPhoneLabel(raw: string): boolean {
  // "Tel./Fax": a word right after a slash would count as part of a path.
  const text = raw.trim().replace(/\//g, ' / ');
  if (text.length === 0 || text.length > MAX_LABEL || /\d/.test(text)) return false;
  const lower = text.toLowerCase();
  if (!WORDS.some((word) => lower.includes(word))) return false;
  // Built on first use: the content script loads on every page, and most have no number that needs a label.
  label ??= labelPattern();
  return label.test(text);
}
