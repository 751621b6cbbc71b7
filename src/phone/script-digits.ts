/**
 * Digits of other scripts that pages write phone numbers in, as regex class ranges: Arabic-Indic (٠–٩),
 * Extended Arabic-Indic as written in Persian and Urdu (۰–۹), Devanagari (०–९) and fullwidth (０–９). Shared by the
 * cheap pre-scan (hasCandidate) and cleanText, so what one sees as a digit the other reads as one.
 */
export const SCRIPT_DIGIT_RANGES = '\\u0660-\\u0669\\u06F0-\\u06F9\\u0966-\\u096F\\uFF10-\\uFF19';

/** Where each script's zero is: its digits follow in order. */
const ZEROS = [0x0660, 0x06f0, 0x0966, 0xff10];

/** The ASCII digit for one UTF-16 code unit of {@link SCRIPT_DIGIT_RANGES}, or undefined for any other. */
export function scriptDigit(code: number): string | undefined {
  for (const zero of ZEROS) if (code >= zero && code <= zero + 9) return String.fromCharCode(0x30 + code - zero);
  return undefined;
}
