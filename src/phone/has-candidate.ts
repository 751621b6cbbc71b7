import { SCRIPT_DIGIT_RANGES } from './script-digits';

/** ASCII digits and the other scripts' digits cleanText reads as ASCII. */
const DIGIT = `[0-9${SCRIPT_DIGIT_RANGES}]`;
/** What numbers are written with between digits: spaces of every width, - . / ( ) [ ], Unicode dashes, invisible marks. */
const SEPARATOR =
  '[\\s\\u00AD\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\u2010-\\u2015\\u2212\\-./()\\[\\]\\uFF08\\uFF09\\uFF0D\\uFF0E\\uFF0F]';
/**
 * Six digits, each at most four separators from the next; or three digits and four capitals, the start of a vanity
 * number (1-800-FLOWERS, 0800 REPAIRS, 1-800-GO-FEDEX).
 */
const PATTERN = `${DIGIT}(?:(?:${SEPARATOR}{0,4}${DIGIT}){5}|\\d{2}[\\s.)\\-]{1,2}[A-Z](?:[\\s.\\-]?[A-Z]){3})`;
const CANDIDATE = new RegExp(PATTERN);
const CANDIDATES = new RegExp(PATTERN, 'g');

/**
 * The cheap test the content script runs on every text run of every page: true when `text` holds at least six digits
 * (ASCII, or of the scripts in SCRIPT_DIGIT_RANGES) separated only by the characters phone numbers are written with,
 * or the start of a vanity number. One precompiled regex, no allocation, and no libphonenumber here, as this file is
 * part of the small eager content script.
 *
 * Never a false negative: findPhoneNumbers only returns matches whose own text passes this test.
 */
export function hasCandidate(text: string): boolean {
  return CANDIDATE.test(text);
}

/**
 * Where {@link hasCandidate} matches in `text`, as flat `[start, end, start, end, …]` offsets of the leftmost
 * non-overlapping matches. Any substring of `text` that passes hasCandidate overlaps one of them (a leftmost search
 * from before such a match always stops at or before it), which is what lets the scan skip the nodes in between.
 */
export function candidateSpans(text: string): number[] {
  const spans: number[] = [];
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(text); m !== null; m = CANDIDATES.exec(text)) spans.push(m.index, m.index + m[0].length);
  return spans;
}
