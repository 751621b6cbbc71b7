import { findNumbers, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { readApart } from './apart-cuts';
import { cleanText, type CleanText } from './clean-text';
import { collapseSpace } from './collapse-space';
import { CONTEXT_WINDOW, contextScore } from './context-words';
import { findVanityNumbers } from './find-vanity-numbers';
import { hasCandidate } from './has-candidate';
import { markInternationalPrefixes, prefixStart, type MarkedPrefixes } from './international-prefix';
import { isArgentineMobileForm } from './is-argentine-mobile-form';
import { isDecoy } from './is-decoy';
import type { PhoneMatch } from './phone-match';
import { rewriteNationalForms } from './rewrite-national-forms';
import { separateLabels } from './separate-labels';
import { toCountryCode } from './to-country-code';

/** Options for {@link findPhoneNumbers}. */
export interface FindOptions {
  /** ISO 3166-1 alpha-2 region whose national formats and international prefix are read ('US', 'DE'). */
  defaultCountry?: string;
}

/** How a match was written: with its country code, or as dialled inside the country the page was read for. */
export type Written = 'international' | 'national';

interface Found {
  number: PhoneNumber;
  /** The extension we accept, which is not always the one libphonenumber read. */
  ext: string | undefined;
  start: number;
  end: number;
}

/** What libphonenumber may read as an extension marker; it also takes ", 204", which is usually a second number. */
const EXT_MARKER = /^\s*(?:x|ext|extn|extension|#)\.?:?\s*$/i;
const TRAILING = /[\s,;:]/;
/** How far past a misread extension to read again: longer than any number with its extension. */
const RESCAN = 64;

/**
 * Finds the phone numbers in one run of text (a paragraph's worth of inline text) and normalizes them to E.164.
 * libphonenumber-js (max metadata, VALID numbers only) finds the candidates: international numbers (after
 * `+`, after `00` whatever the default country, after the default country's own exit code such as 011) and the default
 * country's national formats. Our filters then drop what people would not
 * call (see isDecoy and contextScore). `start`/`end` index `raw`; `raw.slice(start, end)` is the number as shown,
 * extension included.
 */
export function findPhoneNumbers(raw: string, options: FindOptions = {}): PhoneMatch[] {
  return findPhoneNumbersWith(raw, options, (match) => match);
}

/**
 * {@link findPhoneNumbers}, handing each match to `make` together with libphonenumber's parsed number, so callers
 * that also need it formatted (link tooltips) do not parse the number a second time.
 */
export function findPhoneNumbersWith<T>(raw: string, options: FindOptions, make: (match: PhoneMatch, number: PhoneNumber, written: Written) => T): T[] {
  if (!hasCandidate(raw)) return [];
  const country = toCountryCode(options.defaultCountry);
  const clean = rewriteNationalForms(separateLabels(cleanText(raw)), country);
  // Each reading adds only what the ones before did not find. First the `00` international prefix read as `+`
  // (whatever the default country): written that way, it is the number's country, and the plain reading could take
  // "(0)30 1234567" after it for a national number. Then the text as the browser shows it, where the page's source
  // line breaks sit between inline elements (a line break still separates numbers written one per line, which the
  // readings before keep).
  const found: Array<Matched<T>> = [];
  const read = (reading: CleanText, joins?: readonly number[]) => {
    for (const marked of [true, false]) {
      const prefixes = marked ? markInternationalPrefixes(reading.text) : undefined;
      if (prefixes?.prefixes.length === 0) continue;
      for (const m of matchIn(raw, reading, prefixes, country, make)) {
        // A window read with its line breaks collapsed adds only numbers across such a break.
        if (joins && !joins.some((j) => m.start < j && j < m.end)) continue;
        if (!found.some((f) => m.start < f.end && f.start < m.end)) found.push(m);
      }
    }
  };
  read(clean);
  const ends = new Set(found.map((f) => f.end));
  const starts = new Set(found.map((f) => f.start));
  for (const window of collapseSpace(clean, (from, to) => ends.has(from) || starts.has(to))) read(window, window.joins);
  for (const v of findVanityNumbers(raw, clean, country)) {
    if (!found.some((f) => v.start < f.end && f.start < v.end)) found.push({ ...v, value: make({ start: v.start, end: v.end, e164: v.number.number }, v.number, v.written) });
  }
  if (found.length > 1) found.sort((a, b) => a.start - b.start);
  return found.map((f) => f.value);
}

interface Matched<T> {
  start: number;
  end: number;
  value: T;
}

/** One reading of a cleaned text: the accepted matches, with where they are in the raw text. */
function matchIn<T>(
  raw: string,
  clean: CleanText,
  marked: MarkedPrefixes | undefined,
  country: CountryCode | undefined,
  make: (match: PhoneMatch, number: PhoneNumber, written: Written) => T,
): Array<Matched<T>> {
  const { offsets } = clean;
  const text = marked?.text ?? clean.text;
  const prefixes = marked?.prefixes ?? [];
  const out: Array<Matched<T>> = [];
  const taken: Array<[number, number]> = [];
  const keep = (found: Found & { written: Written }) => {
    taken.push([found.start, found.end]);
    const start = offsets[prefixStart(prefixes, found.start)] as number;
    // The raw character after the last clean one, so removed characters (soft hyphens) after the number stay out.
    const end = (offsets[found.end - 1] as number) + 1;
    // The guarantee hasCandidate gives the content script: nothing it skips could have been found here.
    if (!hasCandidate(raw.slice(start, end))) return;
    const e164 = found.number.number;
    out.push({ start, end, value: make(found.ext ? { start, end, e164, ext: found.ext } : { start, end, e164 }, found.number, found.written) });
  };

  const queue = search(text, 0, text.length, country);
  let settled = 0;
  for (let i = 0; i < queue.length; i++) {
    const m = queue[i] as Found;
    if (m.start < settled) continue;
    settled = m.end;
    const cut = m.ext === undefined ? undefined : misreadExtension(text, m, m.ext);
    if (cut === undefined) {
      const found = accepted(text, m) ?? innerMatch(text, m.start, m.end, country);
      if (found) keep(found);
      continue;
    }
    // libphonenumber read ", 07911…" as an extension: keep the number alone, then read again from the cut, as the
    // "extension" is probably the start of the next number. Only near the cut, so a long run is read once.
    const found = accepted(text, { ...m, ext: undefined, end: cut });
    if (found) keep(found);
    const until = Math.min(text.length, m.end + RESCAN);
    const again = search(text, cut, until, country).filter((r) => r.start < m.end && (r.end < until || until === text.length));
    queue.splice(i + 1, 0, ...again);
    settled = cut;
  }
  // "(021) 2345-6789 24/7": libphonenumber read a neighbour's digits into the number and found none; read again up to
  // (or from) the space between them. isDecoy still decides whether the neighbour's digits belong to the number.
  const free = (at: number) => !taken.some(([from, to]) => from < at && at < to);
  for (const m of readApart(text, free, (from, to) => search(text, from, to, country))) {
    const found = accepted(text, m);
    if (found && !taken.some(([from, to]) => found.start < to && from < found.end)) keep(found);
  }
  return out;
}

/** Where the number ends when what libphonenumber read as its extension has no extension marker, else undefined. */
function misreadExtension(text: string, m: Found, ext: string): number | undefined {
  const extStart = text.lastIndexOf(ext, m.end - ext.length);
  const marker = /\D*$/.exec(text.slice(m.start, extStart))?.[0] ?? '';
  return EXT_MARKER.test(marker) ? undefined : extStart - marker.length;
}

function search(text: string, from: number, to: number, country: CountryCode | undefined): Found[] {
  return findNumbers(text.slice(from, to), { defaultCountry: country, v2: true }).map((m) => ({
    number: m.number,
    ext: m.number.ext,
    start: from + m.startsAt,
    end: from + m.endsAt,
  }));
}

/**
 * libphonenumber sometimes glues a neighbour onto a number ("17:30 — 089 12345605" → +49 30 0891…): when a match is
 * rejected, try again from each of the next few tokens inside it, so the real number at its end is still found.
 */
function innerMatch(text: string, start: number, end: number, country: CountryCode | undefined): (Found & { written: Written }) | undefined {
  let tries = 0;
  for (let p = start + 1; p < end && tries < 3; p++) {
    if (!/[\s\-/]/.test(text.charAt(p - 1)) || !/[\d+(]/.test(text.charAt(p))) continue;
    tries++;
    const [inner] = search(text, p, end, country);
    const found = inner && accepted(text, inner);
    if (found) return found;
  }
  return undefined;
}

/** The match trimmed to what a person sees as the number, or undefined when it is not one. */
function accepted(text: string, found: Found): (Found & { written: Written }) | undefined {
  let { start, end } = found;
  while (end > start && TRAILING.test(text.charAt(end - 1))) end--;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  // "(020 7946 0958)": the parenthesis opened before the number is not part of it.
  const opened = (s: string) => s.split('(').length - s.split(')').length;
  if (text.charAt(start) === '(' && opened(text.slice(start, end)) > 0) start = skipSpaces(text, start + 1);
  if (text.charAt(end - 1) === ')' && opened(text.slice(start, end)) < 0) end--;
  // "[+43 5 1766 1000]": libphonenumber takes the opening bracket into the number, never the closing one.
  if (text.charAt(start) === '[') start = skipSpaces(text, start + 1);

  if (isDecoy(text, start, end)) return undefined;
  const matched = text.slice(start, end);
  const written = writtenAs(matched, found.number, found.ext);
  if (written === undefined) return undefined;
  const score = contextScore(text.slice(Math.max(0, start - CONTEXT_WINDOW), start));
  if (score < 0) return undefined;
  // A bare run of digits or a very short number is more often an ID or an article number: only with a word like "Tel".
  const doubtful = written === 'national' && (/^\d+$/.test(matched) || found.number.nationalNumber.length < 7);
  if (doubtful && score === 0) return undefined;
  return { ...found, start, end, written };
}

function skipSpaces(text: string, i: number): number {
  while (text.charAt(i) === ' ') i++;
  return i;
}

/**
 * How a number is written: 'international' (+44 …, or after an international prefix such as 00 or 011) or
 * 'national' (as dialled inside its country: with the trunk prefix where its national format has one, or a mobile
 * number without it, as India and Turkey write them). Undefined when libphonenumber had to guess: "2024-118" in
 * Germany would be 0202 4118 with the trunk 0 left out.
 */
function writtenAs(matched: string, number: PhoneNumber, ext: string | undefined): Written | undefined {
  if (/^\(?\s*\+/.test(matched)) return 'international';
  const digitsOf = (s: string) => {
    const digits = s.replace(/\D/g, '');
    return ext && digits.endsWith(ext) ? digits.slice(0, -ext.length) : digits;
  };
  // "0049 (0)30 …": the trunk prefix in parentheses is dialled only from inside the country.
  const written = [digitsOf(matched), digitsOf(matched.replace(/\(0\)/g, ''))];
  const withCountryCode = `${number.countryCallingCode}${number.nationalNumber}`;
  if (written.some((d) => d.length > withCountryCode.length && d.endsWith(withCountryCode))) return 'international';
  const national = number.formatNational().replace(/\D/g, '').slice(0, number.ext ? -number.ext.length : undefined);
  if (written.some((d) => d.endsWith(national) || isArgentineMobileForm(d, number))) return 'national';
  if (written.includes(number.nationalNumber) && number.getType() === 'MOBILE') return 'national';
  return undefined;
}
