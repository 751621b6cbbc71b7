/**
 * The cheap test run on every text run of every page (no libphonenumber here: this file is part of the small
 * eager content script). True when the text holds at least six digits (ASCII or fullwidth) in a row, separated only
 * by the characters phone numbers are written with. Every number findPhoneNumbers can accept passes this test.
 */
const D = '[0-9\\uFF10-\\uFF19]';
const SEP = '[\\s\\u00A0\\u202F\\u2009\\u00AD\\u200B-\\u200D\\u2060\\uFEFF\\-./()\\u2010-\\u2015\\u2212\\uFF08\\uFF09\\uFF0D\\uFF0E\\uFF0F\\[\\]]';
const CANDIDATE = new RegExp(`${D}(?:${SEP}{0,4}${D}){5}`);

export function hasCandidate(text: string): boolean {
  return CANDIDATE.test(text);
}
