import { describe, expect, test } from 'vitest';
import { findPhoneNumbers } from '../../../src/phone/find-phone-numbers';
import { markInternationalPrefixes } from '../../../src/phone/international-prefix';

/** [country, calling code, national significant number as people group it, with a trunk 0 written as (0)?]. */
const COUNTRIES: Array<[string, string, string, boolean]> = [
  ['DE', '49', '30 1234567', true],
  ['GB', '44', '20 7946 0018', true],
  ['FR', '33', '1 42 68 53 00', true],
  ['IT', '39', '031 481077', false],
  ['ES', '34', '912 345 678', false],
  ['NL', '31', '20 123 4567', true],
  ['BE', '32', '2 555 12 12', true],
  ['CH', '41', '44 668 18 56', true],
  ['AT', '43', '1 58058 0', true],
  ['DK', '45', '61 68 68 66', false],
  ['SE', '46', '8 123 456 78', true],
  ['NO', '47', '22 21 00 96', false],
  ['PL', '48', '22 123 45 67', false],
  ['PT', '351', '21 123 4567', false],
  ['IE', '353', '1 234 5678', true],
  ['CZ', '420', '221 234 567', false],
  ['AU', '61', '2 9374 4000', true],
];

/** The reader's own default country: 00 is international for a German reader, 011 for a US one, 010 in Japan, 0011 in Australia. */
const READERS = ['US', 'DE', 'JP', 'AU', undefined];

const rows = COUNTRIES.flatMap(([country, cc, nsn, trunk]) => {
  const e164 = `+${cc}${nsn.replace(/\D/g, '')}`;
  const forms = [`00${cc} ${nsn}`, `00 ${cc} ${nsn}`, `(00${cc}) ${nsn}`, `(00 ${cc}) ${nsn}`, `(00${cc}) ${nsn.replace(/ /g, '-')}`];
  if (trunk) forms.push(`00${cc} (0)${nsn}`, `(00 ${cc}) (0)${nsn}`);
  return forms.flatMap((form) => READERS.map((reader) => [country, form, reader ?? 'none', e164] as const));
});

describe('00 + country code is an international number whatever the reader\'s country', () => {
  test.each(rows)('%s: "Tel. %s" read in %s', (_country, form, reader, e164) => {
    const text = `Tel. ${form}, Mo–Fr`;
    const found = findPhoneNumbers(text, reader === 'none' ? {} : { defaultCountry: reader });
    expect(found.map((m) => ({ e164: m.e164, text: text.slice(m.start, m.end) }))).toEqual([{ e164, text: form }]);
  });

  test.each([
    ['Tel (0039) 031/481077', '+39031481077', '(0039) 031/481077'],
    ['Tel. (00 39) 031 – 48 10 77', '+39031481077', '(00 39) 031 – 48 10 77'],
    ['Fon 0049 (0)30 1234567', '+49301234567', '0049 (0)30 1234567'],
    ['Call 00 44 20 7946 0018 today', '+442079460018', '00 44 20 7946 0018'],
  ])('the issue\'s examples in the US: %j', (text, e164, shown) => {
    const [m, ...rest] = findPhoneNumbers(text, { defaultCountry: 'US' });
    expect(rest).toEqual([]);
    expect({ e164: m?.e164, text: m && text.slice(m.start, m.end) }).toEqual({ e164, text: shown });
  });

  test.each([
    ['a 00 run that is not a valid number', 'Ref. 0049 12'],
    ['a calling code that does not exist', 'Tel. 00 999 123 4567'],
    ['00 inside a longer digit group', 'Artikel 4.0049 301234567'],
    ['00 after a letter', 'SKU A0049301234567'],
    ['a time', 'geöffnet 10:00 44 20 7946'],
    ['a price', 'EUR 1.0049 30'],
  ])('%s stays unlinked: %j', (_what, text) => {
    expect(findPhoneNumbers(text, { defaultCountry: 'US' })).toEqual([]);
  });

  test('numbers already read by the reader\'s own exit code keep that reading', () => {
    const text = 'From Australia: 0011 44 20 7946 0958';
    expect(findPhoneNumbers(text, { defaultCountry: 'AU' }).map((m) => m.e164)).toEqual(['+442079460958']);
    expect(findPhoneNumbers('138 0013 8000', { defaultCountry: 'CN' }).map((m) => m.e164)).toEqual(['+8613800138000']);
  });
});

describe('markInternationalPrefixes keeps every other character in place', () => {
  test.each([
    ['(0039) 031/481077', ' (+39) 031/481077'],
    ['(00 39) 031', '  (+39) 031'],
    ['0049 (0)30', ' +49 (0)30'],
    ['00 44 20', '  +44 20'],
    ['0099 123', '0099 123'],
  ])('%j → %j', (text, marked) => {
    const out = markInternationalPrefixes(text);
    expect(out.text).toBe(marked);
    expect(out.text).toHaveLength(text.length);
  });
});
