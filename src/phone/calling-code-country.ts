import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';

/** The country whose numbering plan a shared calling code is best known by (+1 is the NANP, +44 the UK's …). */
const MAIN: Record<string, CountryCode> = { '1': 'US', '7': 'RU', '39': 'IT', '44': 'GB', '47': 'NO', '61': 'AU', '212': 'MA', '262': 'RE', '290': 'SH', '358': 'FI', '590': 'GP', '599': 'CW' };

let byCode: Map<string, CountryCode> | undefined;

/** The main country of a country calling code ('49' → DE, '1' → US), or undefined for an unknown code. */
export function callingCodeCountry(code: string): CountryCode | undefined {
  if (byCode === undefined) {
    byCode = new Map();
    for (const country of getCountries()) {
      const cc = getCountryCallingCode(country) as string;
      if (!byCode.has(cc)) byCode.set(cc, MAIN[cc] ?? country);
    }
  }
  return byCode.get(code);
}

const PLUS = /(?<![\p{L}\p{N}])\+\s{0,8}(\d)\s?(\d)?\s?(\d)?/gu;

/**
 * The country of the calling code most of the `+CC` numbers in `texts` start with, or undefined when there are
 * none or two codes are equally frequent (a page listing offices abroad says nothing about its own numbers).
 */
export function dominantCallingCountry(texts: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const text of texts) {
    if (!text.includes('+')) continue;
    for (const m of text.matchAll(PLUS)) {
      // A number, not "+ 19 % VAT" or "C++17": at least eight digits follow the +.
      if (text.slice(m.index, m.index + 28).replace(/\D/g, '').length < 8) continue;
      const digits = `${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}`;
      // Calling codes are prefix-free: at most one of the first one, two or three digits is one.
      const country = [1, 2, 3].map((n) => callingCodeCountry(digits.slice(0, n))).find((c) => c !== undefined);
      if (country !== undefined) counts.set(country, (counts.get(country) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  let top = 0;
  let tie = false;
  for (const [country, n] of counts) {
    if (n > top) [best, top, tie] = [country, n, false];
    else if (n === top) tie = true;
  }
  return tie ? undefined : best;
}
