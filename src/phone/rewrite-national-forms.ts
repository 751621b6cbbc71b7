import type { CountryCode } from 'libphonenumber-js/max';
import type { CleanText } from './clean-text';

/** Ten national digits, as Mexico writes them after a prefix: "55 1234 5678", "(55) 1234-5678", "333 123 4567". */
const MX_TEN = String.raw`[\s.\-]*\(?\d{2,3}\)?[\s.\-]*\d{3,4}[\s.\-]*\d{4}(?![\d\-.]?\d)`;
/**
 * Mexico's prefixes from before the 2019 numbering change, still on many pages: 044 and 045 (a mobile, from the same
 * area or another) and 01 (long distance) before the ten digits. Today's metadata no longer knows them.
 */
const MX_PREFIX = new RegExp(String.raw`(?<![\d+])(?:\(?(04[45])\)?|01[\s.\-])(?=${MX_TEN})`, 'g');
/** Brazil's "0xx" (the trunk 0 and a carrier's two digits, left open), as in "(0xx11) 3456-7890" or "0XX21 …". */
const BR_OPEN_CARRIER = /(?<![\p{L}\p{N}])0([xX]{2})(?=\s?\d{2}\)?[\s.-]*\d)/gu;

/**
 * The text with national forms that libphonenumber-js does not read written as it does, character for character
 * (same length, so every offset still points into the raw text): in Mexico "044 55 1234 5678" → "+52 55 1234 5678"
 * and "01 55 …" → "+5255 …"; in Brazil "(0xx11) …" → "(0  11) …". Other countries' texts come back as they are.
 */
export function rewriteNationalForms(clean: CleanText, country: CountryCode | undefined): CleanText {
  if (country === 'MX' && clean.text.includes('0')) {
    const text = clean.text.replace(MX_PREFIX, (prefix: string, mobile?: string) => (mobile ? prefix.replace(mobile, '+52') : '+52'));
    return text === clean.text ? clean : { text, offsets: clean.offsets };
  }
  if (country === 'BR' && /0[xX]{2}/.test(clean.text)) return { text: clean.text.replace(BR_OPEN_CARRIER, '0  '), offsets: clean.offsets };
  return clean;
}
