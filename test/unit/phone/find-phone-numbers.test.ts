import { describe, expect, test } from 'vitest';
import { findPhoneNumbers } from '../../../src/phone/find-phone-numbers';
import { POSITIVE_ROWS } from './positive-rows';

const found = (input: string, defaultCountry: string | undefined) =>
  findPhoneNumbers(input, defaultCountry ? { defaultCountry } : {}).map((m) => ({
    e164: m.e164,
    text: input.slice(m.start, m.end),
    ...(m.ext ? { ext: m.ext } : {}),
  }));

describe('findPhoneNumbers: real numbers in their usual formats', () => {
  test.each(POSITIVE_ROWS)('%j (%s)', (input, country, expected) => {
    expect(found(input, country)).toEqual(expected);
  });
});

describe('findPhoneNumbers: positions in longer runs', () => {
  test('start and end index the raw text when characters were removed before the number', () => {
    const raw = 'a\u00ad\u200bb Tel. 0\u00ad20\u200b 7946 0958 end';
    const [match] = findPhoneNumbers(raw, { defaultCountry: 'GB' });
    expect(match).toEqual({ start: 10, end: 25, e164: '+442079460958' });
  });

  test('a paragraph with many numbers and many words', () => {
    const para = Array.from({ length: 50 }, (_, i) => `Branch ${i + 1} opened on 2024-03-${String((i % 28) + 1).padStart(2, '0')}, call (213) 373-${String(4200 + i)} for details.`).join(' ');
    const matches = findPhoneNumbers(para, { defaultCountry: 'US' });
    expect(matches).toHaveLength(50);
    expect(matches.map((m) => para.slice(m.start, m.end))).toEqual(Array.from({ length: 50 }, (_, i) => `(213) 373-${4200 + i}`));
  });

  test.each([['us'], ['XX'], ['not a country'], ['']])('an unknown or lower-case default country (%j) neither throws nor guesses', (country) => {
    expect(() => findPhoneNumbers('020 7946 0958 or +44 20 7946 0958', { defaultCountry: country })).not.toThrow();
    const e164s = findPhoneNumbers('+44 20 7946 0958', { defaultCountry: country }).map((m) => m.e164);
    expect(e164s).toEqual(['+442079460958']);
  });

  test('empty and digit-free text', () => {
    expect(findPhoneNumbers('', { defaultCountry: 'US' })).toEqual([]);
    expect(findPhoneNumbers('no numbers here', { defaultCountry: 'US' })).toEqual([]);
  });
});

test('the tables cover at least 150 strings and 12 countries', () => {
  expect(POSITIVE_ROWS.length).toBeGreaterThanOrEqual(150);
  const countries = new Set(POSITIVE_ROWS.flatMap(([, , expected]) => expected.map((m) => m.e164.slice(0, 4))));
  expect(countries.size).toBeGreaterThanOrEqual(12);
});
