import { describe, expect, test } from 'vitest';
import { cleanText } from '../../../src/phone/clean-text';
import { applyDialRules } from '../../../src/phone/dial-rules';
import { formatPhone } from '../../../src/phone/format-phone';
import { parsePhone } from '../../../src/phone/parse-phone';
import { regionFromLocale } from '../../../src/phone/region-from-locale';
import { telHref } from '../../../src/phone/tel-href';
import { DEFAULT_DIAL_RULES, type DialRules } from '../../../src/settings/dial-rules-schema';

describe('cleanText keeps a map back to the raw text', () => {
  test.each([
    ['plain 123', 'plain 123'],
    ['\uff10\uff11', '01'],
    ['a\u00adb', 'ab'],
    ['1\u00a02\u202f3', '1 2 3'],
    ['1\u20132\u22123', '1-2-3'],
    ['\uff0b44', '+44'],
  ])('%j → %j', (raw, clean) => {
    const { text, offsets } = cleanText(raw);
    expect(text).toBe(clean);
    expect(offsets).toHaveLength(text.length + 1);
    expect(offsets.at(-1)).toBe(raw.length);
  });
  test('offsets skip removed characters', () => expect(cleanText('a\u00adbc').offsets).toEqual([0, 2, 3, 4]));
});

describe('parsePhone (selections, typed numbers, tel: links)', () => {
  test.each([
    ['+44 20 7946 0958', undefined, { e164: '+442079460958' }],
    ['020 7946 0958', 'GB', { e164: '+442079460958' }],
    ['tel:+12133734253', undefined, { e164: '+12133734253' }],
    ['tel:+1-213-373-4253;ext=204', undefined, { e164: '+12133734253', ext: '204' }],
    ['callto:+493012345678', undefined, { e164: '+493012345678' }],
    ['tel:%2B44%2020%207946%200958', undefined, { e164: '+442079460958' }],
    ['(213) 373-4253 x204', 'US', { e164: '+12133734253', ext: '204' }],
    ['hello', 'US', undefined],
    ['12345', 'US', undefined],
    ['tel:javascript:alert(1)', 'US', undefined],
  ])('%j (%s)', (input, country, expected) => expect(parsePhone(input, country)).toEqual(expected));
});

describe('small helpers', () => {
  test('telHref', () => {
    expect(telHref('+442079460958')).toBe('tel:+442079460958');
    expect(telHref('+12133734253', '204')).toBe('tel:+12133734253;ext=204');
  });
  test.each([
    ['en-US', 'US'],
    ['de', 'DE'],
    ['pt-BR', 'BR'],
    ['ja', 'JP'],
    ['en', 'US'],
    ['!!', undefined],
    [undefined, undefined],
  ])('regionFromLocale(%j) = %j', (locale, region) => expect(regionFromLocale(locale)).toBe(region));
  test('formatPhone', () => expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958'));
});

describe('dial rules turn E.164 into what the server expects', () => {
  const rules = (patch: Partial<DialRules>): DialRules => ({ ...DEFAULT_DIAL_RULES, ...patch });
  test.each([
    [rules({}), '+442079460958', 'GB', '+442079460958'],
    [rules({ plus: 'strip' }), '+442079460958', 'GB', '442079460958'],
    [rules({ plus: 'idd', idd: '011' }), '+442079460958', 'US', '011442079460958'],
    [rules({ plus: 'national' }), '+442079460958', 'GB', '02079460958'],
    [rules({ plus: 'national' }), '+442079460958', 'DE', '00442079460958'],
    [rules({ plus: 'national', outsidePrefix: '9' }), '+12133734253', 'US', '92133734253'],
    [rules({ plus: 'strip', rewrites: [{ match: '49', replace: '0' }] }), '+493012345678', 'DE', '03012345678'],
    [rules({ plus: 'strip', rewrites: [{ match: '49', replace: '0', maxLength: 5 }, { match: '4', replace: 'X' }] }), '+493012345678', 'DE', 'X93012345678'],
  ])('%#: %s with home %s → %s', (r, e164, home, dialed) => expect(applyDialRules(e164, r, home)).toBe(dialed));
});
