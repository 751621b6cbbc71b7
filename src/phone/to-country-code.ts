import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';

/**
 * The libphonenumber region for a user- or locale-supplied country ('de' → 'DE'), or undefined when libphonenumber
 * does not know it, so a bad setting means "international numbers only" rather than a guess or an exception.
 */
export function toCountryCode(country: string | undefined): CountryCode | undefined {
  const code = country?.trim().toUpperCase();
  return code && isSupportedCountry(code) ? code : undefined;
}
