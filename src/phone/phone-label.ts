import { PHONE_WORD } from './context-words';

/** How long a label may be: a column header or a field name, not a sentence that mentions a phone. */
const MAX_LABEL = 40;
/**
 * The label ends with a word that speaks for a phone number, maybe followed by "No." or "number", a parenthesised
 * note and a colon: "Phone", "Telefon-Nr.:", "Mobile phone", "Kunden-Telefon", "Tel. (Büro)", "Telephone / Fax", "Tel./Fax",
 * "Phones", "Téléphone *".
 */
const LABEL = new RegExp(
  String.raw`^(?:[^\s-]+[\s-]+){0,4}?${PHONE_WORD}s?(?![\p{L}\p{N}])(?:[\s.\-]*(?:no\.?|nr\.?|n°|nº|#|number|num\.|nummer))?\.?(?:\s*\([^()\d]{1,20}\))?[\s:.*]*$`,
  'iu',
);

/**
 * True when `text` is a label that names a phone number: a table column header, a `<dt>`, a `<label>` or a field
 * name next to a value. No digits, short, and the phone word is what it ends with, so "Ring size" or "Call date"
 * are not labels for the digits under them.
 */
export function isPhoneLabel(text: string): boolean {
  // "Tel./Fax": a slash glued to a word would hide it from PHONE_WORD, which skips words inside paths.
  const label = text.trim().replace(/\//g, ' / ');
  return label.length > 0 && label.length <= MAX_LABEL && !/\d/.test(label) && LABEL.test(label);
}
