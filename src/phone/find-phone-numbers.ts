import { findNumbers, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { cleanText } from './clean-text';
import { contextScore } from './context-words';
import type { PhoneMatch } from './phone-match';

export interface FindOptions {
  /** ISO 3166-1 alpha-2 region for national numbers. */
  defaultCountry?: string;
}

const WORD_OR_DIGIT = /[\p{L}\p{N}_]/u;
const DIGIT = /\d/;
const JOINER = /[-./:,]/;
const EXT_SEPARATOR = /^\s*(?:x|ext\.?|extn\.?|ext\s*\.?|extension|durchwahl|poste|#|;\s*ext=)\s*$/i;
const CURRENCY_BEFORE = /[$€£¥₹₩₽¤]\s?$|\b(?:usd|eur|gbp|chf|jpy|inr|rs\.?|ft|kr|sek|nok|dkk|pln|czk|brl|r\$)\s?$/i;
const UNIT_AFTER = /^\s?(?:%|‰|°|€|\$|£|¥|km|kg|mb|gb|kb|m²|m2|ha|mi|ft|lbs?|usd|eur|gbp|ft\b|kr\b|people|inhabitants|residents|views|votes|downloads|copies|units|points|pts)/i;
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?:\s*[-–—]\s*(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}))?$/;
const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;
const YEAR_RANGE = /^(?:1[5-9]|20)\d{2}\s*[-–—/]\s*(?:1[5-9]|20)?\d{2}$/;
const TIME_LIKE = /\d{1,2}[:h.]\d{2}\s*[-–—]\s*\d{1,2}[:h.]\d{2}|\d:\d{2}/;

/**
 * Finds the phone numbers in one run of text (a paragraph's worth of inline text) and normalizes them to E.164.
 * libphonenumber-js (full metadata, only VALID numbers) does the finding; our filters then drop what people would
 * not call: parts of longer digit runs (card, tracking, order numbers), dates, times, years, amounts, measurements,
 * and digit runs introduced by words such as "Order" or "Invoice".
 */
export function findPhoneNumbers(raw: string, options: FindOptions = {}): PhoneMatch[] {
  const { text, offsets } = cleanText(raw);
  const out: PhoneMatch[] = [];
  let from = 0;
  while (from < text.length) {
    const rest = text.slice(from);
    const found = findNumbers(rest, { defaultCountry: options.defaultCountry as CountryCode | undefined, v2: true });
    if (found.length === 0) break;
    let next = text.length;
    for (const m of found) {
      let start = from + m.startsAt;
      let end = from + m.endsAt;
      const ext = m.number.ext;
      if (ext) {
        // libphonenumber also reads ", 07911" after a number as an extension: only real extension markers count.
        const matched = text.slice(start, end);
        const at = matched.lastIndexOf(ext);
        const separator = matched.slice(0, at).replace(/^.*\d/s, '');
        if (!EXT_SEPARATOR.test(separator)) {
          end = start + at - separator.length;
          // Rescan from here: the "extension" may be the start of the next number.
          next = end;
          if (accept(text, start, end)) out.push(toMatch(m.number.number, undefined, start, end, offsets));
          break;
        }
      }
      ({ start, end } = trim(text, start, end));
      if (accept(text, start, end) && writtenAsDialed(text.slice(start, end), m.number, ext)) {
        out.push(toMatch(m.number.number, ext, start, end, offsets));
      } else {
        const inner = innerMatch(text, start, end, options.defaultCountry);
        if (inner) out.push(toMatch(inner.number.number, inner.number.ext, inner.start, inner.end, offsets));
      }
    }
    if (next === text.length) break;
    from = next;
  }
  return out;
}

/**
 * libphonenumber sometimes glues a neighbour onto a number ("17:30 — 089 12345605" → +49 30 0891…): when a match is
 * rejected, try again from each later token inside it, so the real number at its end is still found.
 */
function innerMatch(text: string, start: number, end: number, country: string | undefined) {
  let tries = 0;
  for (let p = start + 1; p < end && tries < 3; p++) {
    if (!/[\s\-–—/]/.test(text[p - 1] as string) || !/[\d+(]/.test(text[p] as string)) continue;
    tries++;
    const [m] = findNumbers(text.slice(p, end), { defaultCountry: country as CountryCode | undefined, v2: true });
    if (!m) continue;
    const s = p + m.startsAt;
    const e = p + m.endsAt;
    if (accept(text, s, e) && writtenAsDialed(text.slice(s, e), m.number, m.number.ext)) return { number: m.number, start: s, end: e };
  }
  return undefined;
}

/**
 * Numbers written without +country code must be written the way people dial them nationally: "0202 4118" in
 * Germany, not "2024-118" (which libphonenumber would accept as 0202 4118 with the trunk 0 left out). The digits
 * must end with the national format's digits, or with country code + national number (a 00/011 prefix).
 */
function writtenAsDialed(matched: string, number: PhoneNumber, ext: string | undefined): boolean {
  if (/^[+(]?\s*\+/.test(matched)) return true;
  const strip = (d: string) => (ext && d.endsWith(ext) ? d.slice(0, -ext.length) : d);
  const digits = strip(matched.replace(/\D/g, ''));
  const national = strip(number.formatNational().replace(/\D/g, ''));
  return digits.endsWith(national) || digits.endsWith(`${number.countryCallingCode}${number.nationalNumber}`);
}

function toMatch(e164: string, ext: string | undefined, start: number, end: number, offsets: number[]): PhoneMatch {
  const match: PhoneMatch = { start: offsets[start] as number, end: offsets[end] as number, e164 };
  if (ext) match.ext = ext;
  return match;
}

function trim(text: string, start: number, end: number): { start: number; end: number } {
  while (end > start && /[\s,;]/.test(text[end - 1] as string)) end--;
  while (start < end && /\s/.test(text[start] as string)) start++;
  return { start, end };
}

/** Our decoy filters, on the cleaned text around a libphonenumber match. */
function accept(text: string, start: number, end: number): boolean {
  const matched = text.slice(start, end);
  const before = text.slice(0, start);
  const after = text.slice(end);

  // Part of a longer run: letters or digits glued on, or digits after a single joiner (IBAN, card, order numbers,
  // IP addresses, versions, dates).
  const b1 = before.slice(-1);
  const b2 = before.slice(-2, -1);
  if (WORD_OR_DIGIT.test(b1)) return false;
  if ((JOINER.test(b1) || b1 === ' ') && DIGIT.test(b2) && !/^[+(]/.test(matched)) return false;
  if (b1 === '+' && DIGIT.test(b2)) return false;
  const a1 = after.charAt(0);
  const a2 = after.charAt(1);
  if (WORD_OR_DIGIT.test(a1)) return false;
  if ((JOINER.test(a1) || a1 === ' ') && DIGIT.test(a2)) return false;
  if (/^[.:]\d/.test(after) || /^:\d/.test(after)) return false;

  const compact = matched.replace(/\s+/g, ' ');
  if (DATE_LIKE.test(compact) || COMPACT_DATE.test(compact) || YEAR_RANGE.test(compact) || TIME_LIKE.test(compact)) return false;
  if (/^\d{1,3}(?:[,.]\d{3}){2,}$/.test(compact)) return false; // 1,234,567 / 1.234.567
  // Versions and dotted IDs, but not the dotted phone styles 213.373.4253 and 01.23.45.67.89.
  if (/^\d+\.\d+(?:\.\d+)+$/.test(compact) && !/^(?:\d{3}\.\d{3}\.\d{4}|\d{2}(?:\.\d{2}){4})$/.test(compact)) return false;
  if (/^\d+\.\d+$/.test(compact)) return false; // decimals, coordinates
  if (CURRENCY_BEFORE.test(before) || UNIT_AFTER.test(after)) return false;

  const score = contextScore(before);
  if (score < 0) return false;
  return true;
}
