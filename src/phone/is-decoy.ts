/**
 * Digit runs libphonenumber accepts as valid numbers but people would not call: parts of longer identifiers (card,
 * tracking, order numbers, IBANs, UUIDs, URLs), dates, times, years, amounts, measurements, versions, IP addresses,
 * ISBNs. All checks read the cleaned text (see cleanText) around one match.
 */

import { standsApart } from './stands-apart';

/** Glued to the number, these make it part of a word or a longer run. CJK scripts write numbers without spaces. */
const GLUE = /[\p{N}_\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]/u;
const DIGIT = /\d/;
/** One of these between two digit runs joins them into one longer run. */
const JOINER = /[-./:, ]/;
/** Between a word and digits these make one identifier: item/2133…, ?id=2133…, file_2133… */
const PATH_JOINER = /[/_=]/;
/** A hyphen does too when the word is a code (ORD-2133…, …-B) rather than prose: en and em dashes are cleaned to '-'. */
const CODE_CHAR = /[\p{Lu}\p{N}]/u;
/** A full stop and a capitalised word glued after the number: a sentence went on without its space ("….Thanks"). */
const SENTENCE_AFTER = /^\.\p{Lu}\p{Ll}/u;

const CURRENCY_BEFORE = /(?:[$€£¥₹₩₽₺₪₫฿₴¤]|(?<![\p{L}])(?:usd|eur|gbp|chf|jpy|cny|rmb|inr|rs\.?|ft|huf|kr|sek|nok|dkk|pln|zł|czk|kč|brl|r\$|aud|cad|nzd|mxn))\s?$/iu;
const UNIT_AFTER = /^\s?(?:[%‰°′″$€£¥₹₩₽₺₪₫฿₴]|(?:km²?|km\/h|m²|m³|m\/s|mph|kg|mg|cm|mm|mi|ft|lbs?|ha|kb|mb|gb|tb|bytes|usd|eur|euro|euros|gbp|chf|jpy|inr|sek|nok|dkk|pln|zł|czk|kč|huf|brl|kr|lei|dollars|pounds|yen|rupees|people|persons|customers|users|visitors|employees|members|inhabitants|residents|einwohner|views|votes|downloads|copies|units|points|pts|miles|meters|metres|tonnes|tons)(?![\p{L}]))/iu;
/** The start of an IBAN before the match: country, check digits, then groups of four (NL91 ABNA 0417…). */
const IBAN_BEFORE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4})* ?$/;

const DAY_MONTH_YEAR = String.raw`(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})`;
const DATE = new RegExp(String.raw`^${DAY_MONTH_YEAR}(?:\s*[-–—/]\s*${DAY_MONTH_YEAR})?$`);
const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;
const YEAR_RANGE = /^(?:1[5-9]|20)\d{2}\s*[-–—/]\s*(?:1[5-9]|20)?\d{2}$/;
const TIME = /\d:\d{2}|\d{1,2}[h.]\d{2}\s*[-–—]\s*\d{1,2}[h.]\d{2}/;
/** Groups of three after one separator, then maybe decimals after the other one: "1.212.555.0100" is not a quantity. */
const THOUSANDS = /^[1-9]\d{0,2}([,.'’])\d{3}(?:\1\d{3})+(?:(?!\1)[.,]\d+)?$/;
const DECIMAL = /^(?:[1-9]\d*|0)[.,]\d+$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const DOTTED = /^\d+(?:\.\d+)+$/;
/** Dotted phone styles (213.373.4253, 01.23.45.67.89) group by two or more after the first group; versions do not. */
const DOTTED_PHONE = /^\d+(?:\.\d{2,})+$/;
/** US ZIP+4 (90210-1234) and social security numbers (123-45-6789): no country writes phone numbers this way. */
const ZIP_OR_SSN = /^(?:\d{5}-\d{4}|\d{3}-\d{2}-\d{4})$/;
const ISBN = /^(?:97[89][- ])?\d{1,5}[- ]\d{1,7}[- ]\d{1,7}[- ][\dX]$/;
/**
 * How a count or measurement is written: plain digits, or groups of three after the first (1 234 567, 12.345.678).
 * Only such a match is a quantity when a unit follows: "call 312.555.0145 residents from …" is still a number.
 */
const QUANTITY = /^(?:\d+|\d{1,3}(?:[ .,'’]\d{3})+)$/;

/** True when the valid number at `text.slice(start, end)` is really something else. */
export function isDecoy(text: string, start: number, end: number): boolean {
  const b1 = text.charAt(start - 1);
  const b2 = text.charAt(start - 2);
  const a1 = text.charAt(end);
  const a2 = text.charAt(end + 1);
  const matched = text.slice(start, end);
  const international = matched.startsWith('+') || matched.startsWith('(+');

  // Part of a longer run: glued on, or digits continuing after a single joiner.
  if (GLUE.test(b1) || GLUE.test(a1)) return true;
  if (JOINER.test(b1) && DIGIT.test(b2) && !international && !standsApart(matched, b1)) return true;
  if (b1 === '+' && DIGIT.test(b2)) return true;
  if (JOINER.test(a1) && DIGIT.test(a2) && !standsApart(matched, a1)) return true;
  if (PATH_JOINER.test(b1) && GLUE.test(b2) && !(DIGIT.test(b2) && standsApart(matched, b1))) return true;
  if (/[/_.]/.test(a1) && GLUE.test(a2) && !(DIGIT.test(a2) && standsApart(matched, a1)) && !SENTENCE_AFTER.test(text.slice(end, end + 3))) return true;
  // "j.cell.2009…": a dotted name; "Tel.030 …" never gets here, as separateLabels put a space after the label.
  if (b1 === '.' && GLUE.test(b2) && !DIGIT.test(b2)) return true;
  if ((b1 === '-' && CODE_CHAR.test(b2)) || (a1 === '-' && CODE_CHAR.test(a2))) return true;
  if (IBAN_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return true;

  const compact = matched.replace(/\s+/g, ' ');
  if (!international) {
    if (DATE.test(compact) || COMPACT_DATE.test(compact) || YEAR_RANGE.test(compact) || TIME.test(compact)) return true;
    if (THOUSANDS.test(compact) || DECIMAL.test(compact) || IPV4.test(compact) || ZIP_OR_SSN.test(compact)) return true;
    if (DOTTED.test(compact) && !DOTTED_PHONE.test(compact)) return true;
    if (ISBN.test(compact) && [10, 13].includes(compact.replace(/\D/g, '').length)) return true;
  }
  if (CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return true;
  return UNIT_AFTER.test(text.slice(end, end + 16)) && QUANTITY.test(compact);
}
