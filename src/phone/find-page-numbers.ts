import type { PhoneNumber } from 'libphonenumber-js/max';
import { findPhoneNumbersWith, type Written } from './find-phone-numbers';
import type { PhoneMatch } from './phone-match';

/** A match with the country it was read for (the country its national format belongs to). */
export type MakeMatch<T> = (match: PhoneMatch, number: PhoneNumber, written: Written, country: string | undefined) => T;

/**
 * The numbers of one text read for a page's countries (see inferPageCountry). With one country (or none: only
 * international numbers), exactly {@link findPhoneNumbersWith}. With several, the text is read for each, and a
 * number is kept only when every reading that finds something there finds the same number: `030 1234567` is kept
 * on a page read for Germany and the US (no US number looks like that), `(415) 555-0100` is dropped when it is also
 * a German number.
 */
export function findPageNumbers<T>(text: string, countries: readonly string[], make: MakeMatch<T>): T[] {
  if (countries.length <= 1) {
    const country = countries[0];
    return findPhoneNumbersWith(text, country ? { defaultCountry: country } : {}, (m, number, written) => make(m, number, written, country));
  }
  interface Read {
    match: PhoneMatch;
    make: () => T;
  }
  const readings = countries.map((country) =>
    findPhoneNumbersWith(text, { defaultCountry: country }, (match, number, written): Read => ({ match, make: () => make(match, number, written, country) })),
  );
  const out: Array<{ start: number; value: T }> = [];
  const all = readings.flat();
  for (const [i, reading] of readings.entries()) {
    for (const read of reading) {
      const { start, end, e164 } = read.match;
      const overlapping = all.filter((r) => r.match.start < end && start < r.match.end);
      if (overlapping.some((r) => r.match.e164 !== e164)) continue;
      // The first reading that found it speaks for all of them.
      if (readings.slice(0, i).some((earlier) => earlier.some((r) => r.match.start < end && start < r.match.end))) continue;
      out.push({ start, value: read.make() });
    }
  }
  return out.sort((a, b) => a.start - b.start).map((o) => o.value);
}
