import { describe, expect, test } from 'vitest';
import { callingCodeCountry, dominantCallingCountry } from '../../../src/phone/calling-code-country';
import { countryFromHost } from '../../../src/phone/country-from-host';
import { findPageNumbers } from '../../../src/phone/find-page-numbers';
import { inferPageCountry } from '../../../src/phone/infer-page-country';
import { findLinkMatches } from '../../../src/phone/link-matches';
import { pageCountries } from '../../../src/phone/page-countries';
import { setLanguage } from '../../../src/i18n/t';

describe('countryFromHost: the country-code domain, not the generic ones', () => {
  test.each([
    ['shop.example.de', 'DE'],
    ['www.example.co.uk', 'GB'],
    ['example.com.au', 'AU'],
    ['example.ch.', 'CH'],
    ['BÄCKEREI.example.AT', 'AT'],
    ['example.com', undefined],
    ['example.org', undefined],
    ['startup.io', undefined],
    ['example.co', undefined],
    ['example.tv', undefined],
    ['example.eu', undefined],
    ['127.0.0.1', undefined],
    ['localhost', undefined],
    ['', undefined],
  ])('%s → %s', (host, country) => {
    expect(countryFromHost(host)).toBe(country);
  });
});

describe('dominantCallingCountry: the +CC most international numbers start with', () => {
  test.each([
    [['Tel. +49 30 1234567', 'Fax +49 30 1234568', 'Wien +43 1 58058 0'], 'DE'],
    [['+1 (212) 555-0100'], 'US'],
    [['+44 20 7946 0018', '+ 44 20 7946 0019'], 'GB'],
    [['Tel. + \n\t45 61 68 68 66'], 'DK'],
    [['+41 44 668 18 56', '+33 1 42 68 53 00'], undefined],
    [['Preis 30 € + 19 % MwSt.'], undefined],
    [['no plus at all 030 1234567'], undefined],
    [['C++17, a+2'], undefined],
  ])('%j → %s', (texts, country) => {
    expect(dominantCallingCountry(texts)).toBe(country);
  });

  test('shared codes name their main country', () => {
    expect([callingCodeCountry('1'), callingCodeCountry('7'), callingCodeCountry('44'), callingCodeCountry('49'), callingCodeCountry('999')]).toEqual(['US', 'RU', 'GB', 'DE', undefined]);
  });
});

const US_READER = 'en-US';

describe('inferPageCountry, for a reader whose browser says en-US and whose country is "Automatic"', () => {
  test.each([
    ['html lang with a region', { lang: 'de-DE', host: 'example.com' }, ['DE'], 'lang'],
    ['lang region and domain agree', { lang: 'de-AT', host: 'example.at' }, ['AT'], 'lang'],
    ['en-UK means the United Kingdom', { lang: 'en-UK', host: 'example.com' }, ['GB'], 'lang'],
    ['a language without region on a country domain', { lang: 'fr', host: 'example.ch' }, ['CH'], 'domain'],
    ['no lang at all on a country domain', { host: 'www.example.co.uk' }, ['GB'], 'domain'],
    ['a CMS default en-US on a .de shop, its numbers +49', { lang: 'en-US', host: 'shop.example.de', callingCountry: 'DE' }, ['DE'], 'numbers'],
    ['a CMS default en-US on a .de shop, no +CC', { lang: 'en-US', host: 'shop.example.de' }, ['US', 'DE'], 'lang'],
    ['lang region and +CC elsewhere', { lang: 'en-US', host: 'example.com', callingCountry: 'GB' }, ['US', 'GB'], 'lang'],
    ['a country domain and +CC elsewhere', { host: 'example.de', callingCountry: 'CH' }, ['DE', 'CH'], 'domain'],
    ['only the +CC numbers', { lang: 'de', host: 'example.com', callingCountry: 'CH' }, ['CH'], 'numbers'],
    ['a .com page in German, no +CC', { lang: 'de', host: 'example.com' }, ['DE', 'US'], 'language'],
    ['a .com page in English, no +CC', { lang: 'en', host: 'example.com' }, ['US'], 'browser'],
    ['nothing at all', { host: 'example.com' }, ['US'], 'browser'],
    ['a broken lang attribute', { lang: '@@', host: 'example.com' }, ['US'], 'browser'],
    ['a numeric region (es-419) is no country', { lang: 'es-419', host: 'example.com' }, ['ES', 'US'], 'language'],
  ])('%s', (_what, signals, countries, source) => {
    expect(inferPageCountry({ ...signals, browserLocale: US_READER })).toEqual({ countries, source });
  });

  test('a German reader on a German .com page reads it for Germany alone', () => {
    expect(inferPageCountry({ lang: 'de', host: 'example.com', browserLocale: 'de-DE' })).toEqual({ countries: ['DE'], source: 'browser' });
  });

  test('pageCountries takes the host from the frame\'s address and counts the batch\'s +CC numbers', () => {
    expect(pageCountries(['Tel. 030 1234567'], undefined, 'https://www.example.de/impressum', US_READER)).toEqual(['DE']);
    expect(pageCountries(['Tel. +41 44 668 18 56', '044 668 18 57'], 'de', 'https://example.com/', US_READER)).toEqual(['CH']);
    expect(pageCountries(['x'], undefined, 'about:blank', US_READER)).toEqual(['US']);
  });
});

describe('findPageNumbers with disagreeing signals keeps only numbers every reading agrees on', () => {
  const read = (text: string, countries: string[]) => findPageNumbers(text, countries, (m, _n, written, country) => ({ e164: m.e164, written, country }));

  test.each([
    ['a Berlin number on a German .com page read by a US reader', 'Tel. 030 1234567', ['DE', 'US'], [{ e164: '+49301234567', written: 'national', country: 'DE' }]],
    ['a US number there', 'Call (212) 555-0100', ['DE', 'US'], [{ e164: '+12125550100', written: 'national', country: 'US' }]],
    ['international numbers are the same in every reading', 'Tel. +43 1 58058 0', ['DE', 'US'], [{ e164: '+431580580', written: 'international', country: 'DE' }]],
    ['a Vienna number nobody signalled stays unlinked', 'Tel. 01 58058 0', ['DE', 'US'], []],
    ['one country reads as usual', 'Tel. 030 1234567', ['DE'], [{ e164: '+49301234567', written: 'national', country: 'DE' }]],
  ])('%s', (_what, text, countries, expected) => {
    expect(read(text, countries)).toEqual(expected);
  });

  test('a number two readings read differently is dropped', () => {
    // 0201 234567: Essen in Germany; in Switzerland no such number, so the German reading stands …
    expect(read('Tel. 0201 234567', ['DE', 'CH']).map((m) => m.e164)).toEqual(['+49201234567']);
    // … but 044 668 18 56 is Zurich, and as valid a number in Germany (+49 4466 81856): dropped.
    expect(read('Tel. 044 668 18 56', ['DE']).map((m) => m.e164)).toEqual(['+49446681856']);
    expect(read('Tel. 044 668 18 56', ['CH']).map((m) => m.e164)).toEqual(['+41446681856']);
    expect(read('Tel. 044 668 18 56', ['DE', 'CH'])).toEqual([]);
  });
});

describe('the link tooltip names the country a national number was read as', () => {
  test.each([
    ['en', 'Tel. 030 1234567', ['DE'], 'Call +49 30 1234567 with Dialable (country assumed: Germany)'],
    ['de', 'Tel. 030 1234567', ['DE'], '+49 30 1234567 mit Dialable anrufen (angenommenes Land: Deutschland)'],
    ['en', 'Tel. +49 30 1234567', ['US'], 'Call +49 30 1234567 with Dialable'],
    ['en', 'Tel. 0049 30 1234567', ['US'], 'Call +49 30 1234567 with Dialable'],
    ['en', 'Tel. 030 1234567 ext. 12', ['DE'], 'Call +49 30 1234567 ext. 12 with Dialable (country assumed: Germany)'],
    ['de', 'Tel. 030 1234567 x12', ['DE'], '+49 30 1234567 Durchwahl 12 mit Dialable anrufen (angenommenes Land: Deutschland)'],
  ])('%s: %j', (language, text, countries, title) => {
    setLanguage(language);
    try {
      expect(findLinkMatches([text], countries)[0]?.map((m) => m.title)).toEqual([title]);
    } finally {
      setLanguage('en');
    }
  });
});
