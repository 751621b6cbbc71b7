import { isSupportedCountry } from 'libphonenumber-js/max';

/**
 * Country-code top-level domains sold and used as generic names (startups, media, gaming), which say nothing about
 * where a site's phones ring: .io, .co, .ai, .me, .tv, .fm …
 */
const GENERIC_CC_TLDS = new Set(['ac', 'ad', 'ai', 'am', 'as', 'bz', 'cc', 'cd', 'co', 'cx', 'dj', 'fm', 'gg', 'gl', 'gs', 'im', 'io', 'la', 'ly', 'me', 'ms', 'mu', 'nu', 'sc', 'sh', 'so', 'st', 'tk', 'to', 'tv', 'vc', 'vg', 'ws']);

/**
 * The country of a host's country-code top-level domain (`shop.example.de` → DE, `example.co.uk` → GB,
 * `example.com.au` → AU), or undefined for generic domains (.com, .org, .io …), IP addresses and hosts without one.
 */
export function countryFromHost(host: string | undefined): string | undefined {
  const label = host?.toLowerCase().replace(/\.$/, '').split('.').at(-1);
  if (!label || !/^[a-z]{2}$/.test(label) || GENERIC_CC_TLDS.has(label)) return undefined;
  const code = label === 'uk' ? 'GB' : label.toUpperCase();
  return isSupportedCountry(code) ? code : undefined;
}
