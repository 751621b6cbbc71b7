import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, test } from 'vitest';
import { findPhoneNumbers } from '../../../src/phone/find-phone-numbers';
import { hasCandidate } from '../../../src/phone/has-candidate';

const found = (input: string, defaultCountry: string) =>
  findPhoneNumbers(input, { defaultCountry }).map((m) => ({ e164: m.e164, text: input.slice(m.start, m.end) }));

describe('vanity numbers labelled as phone numbers: the link covers the letters and dials their keypad digits', () => {
  test.each([
    ['Call 1-800-FLOWERS', 'US', '1-800-FLOWERS', '+18003569377'],
    ['Call 1-800-FLOWERS today!', 'US', '1-800-FLOWERS', '+18003569377'],
    ['Phone: 1-800-GO-FEDEX', 'US', '1-800-GO-FEDEX', '+18004633339'],
    ['Tel: 0800 REPAIRS', 'GB', '0800 REPAIRS', '+448007372477'],
    ['Call us at 1-888-MY-UHAUL.', 'US', '1-888-MY-UHAUL', '+18886984285'],
    ['Phone: (800) FLOWERS', 'US', '(800) FLOWERS', '+18003569377'],
    ['Tel. +1 800 FLOWERS', 'DE', '+1 800 FLOWERS', '+18003569377'],
    ['Call 1 800 CALL ATT', 'US', '1 800 CALL ATT', '+18002255288'],
    // Letters past the ten digits are not dialled (as a phone ignores them), but they stay in the link.
    ['Call 1-800-CONTACTS now', 'US', '1-800-CONTACTS', '+18002668228'],
    ['Hotline: 1-800-FLOWERS TODAY', 'US', '1-800-FLOWERS', '+18003569377'],
  ])('%j (%s) → %j dials %s', (input, country, text, e164) => {
    expect(parsePhoneNumberFromString(e164)?.isValid(), `${e164} is valid`).toBe(true);
    expect(hasCandidate(input)).toBe(true);
    expect(found(input, country)).toEqual([{ e164, text }]);
  });

  test('next to an ordinary number, both are linked', () => {
    expect(found('Tel: 0800 REPAIRS or 020 7946 0018', 'GB')).toEqual([
      { e164: '+448007372477', text: '0800 REPAIRS' },
      { e164: '+442079460018', text: '020 7946 0018' },
    ]);
  });

  test.each([
    // No label: capitals after digits are words.
    ['1-800-FLOWERS', 'US'],
    ['Send 1-800-FLOWERS a note', 'US'],
    ['Route 66 EAST', 'US'],
    ['1995 GMC SIERRA', 'US'],
    ['Order 1-800-FLOWERS', 'US'],
    // Labelled, but lower case, too few letters, or not a valid number.
    ['Call 1-800-Flowers', 'US'],
    ['Call 0800 123 AB', 'GB'],
    ['Call 555 HELP', 'US'],
    ['Tel: 123 ABCDEFG', 'US'],
  ])('%j (%s) is not linked', (input, country) => {
    expect(found(input, country)).toEqual([]);
  });

  test('a long hostile run of capital groups is read in linear time', () => {
    const time = (groups: number) => {
      const text = `Call 1-800-${'AAA '.repeat(groups)}Ab`;
      const start = performance.now();
      found(text, 'US');
      return performance.now() - start;
    };
    time(500);
    // Backtracking over the ways to split each group would grow by orders of magnitude, not four times.
    expect(time(8000)).toBeLessThan(Math.max(50, 40 * time(2000)));
  });
});
