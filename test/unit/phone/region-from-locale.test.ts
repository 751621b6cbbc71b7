import { expect, test } from 'vitest';
import { regionFromLocale } from '../../../src/phone/region-from-locale';

test.each([
  ['en-US', 'US'],
  ['en-GB', 'GB'],
  ['de', 'DE'],
  ['de-AT', 'AT'],
  ['de-CH', 'CH'],
  ['fr', 'FR'],
  ['fr-CA', 'CA'],
  ['pt-BR', 'BR'],
  ['ja', 'JP'],
  ['en', 'US'],
  ['zh-Hant', 'TW'],
  ['es-419', undefined],
  ['!!', undefined],
  ['', undefined],
  [undefined, undefined],
])('regionFromLocale(%j) = %j', (locale, region) => {
  expect(regionFromLocale(locale)).toBe(region);
});
