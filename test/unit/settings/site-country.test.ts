import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/settings/defaults';
import { setSiteCountry, siteCountry } from '../../../src/settings/site-country';

const detection = { ...DEFAULT_SETTINGS.detection, defaultCountry: 'GB', siteCountries: { 'shop.example.de': 'DE', 'example.ch': 'CH' } };

describe('the per-site country', () => {
  test.each([
    ['shop.example.de', 'DE'],
    ['SHOP.example.de', 'DE'],
    ['www.example.ch', 'CH'],
    ['example.ch', 'CH'],
    ['example.de', 'GB'],
    ['news.example.com', 'GB'],
    ['', 'GB'],
  ])('%s reads national numbers for %s', (host, country) => {
    expect(siteCountry(detection, host)).toBe(country);
  });

  test('"Automatic" everywhere but the chosen site', () => {
    expect(siteCountry({ defaultCountry: '', siteCountries: { 'shop.example.de': 'DE' } }, 'other.example.com')).toBe('');
  });

  test('choosing and clearing a site\'s country', () => {
    const chosen = setSiteCountry(detection, 'kontakt.example.at', 'AT');
    expect(chosen.siteCountries).toEqual({ ...detection.siteCountries, 'kontakt.example.at': 'AT' });
    expect(setSiteCountry(chosen, 'kontakt.example.at', '').siteCountries).toEqual(detection.siteCountries);
    expect(detection.siteCountries).not.toHaveProperty('kontakt.example.at');
  });
});
