import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { DialRules } from '../settings/dial-rules-schema';

/**
 * Applies the dial rules to an E.164 number. `homeCountry` is the default country (for `national`).
 * Example: +442079460958 with `national` and home GB → 02079460958; with home DE → 00442079460958.
 */
export function applyDialRules(e164: string, rules: DialRules, homeCountry: string | undefined): string {
  const digits = e164.replace(/^\+/, '');
  let dialed: string;
  switch (rules.plus) {
    case 'strip':
      dialed = digits;
      break;
    case 'idd':
      dialed = rules.idd + digits;
      break;
    case 'national': {
      const parsed = parsePhoneNumberFromString(e164);
      dialed =
        parsed && homeCountry && parsed.country === homeCountry
          ? parsed.format('NATIONAL').replace(/\D/g, '')
          : rules.idd + digits;
      break;
    }
    default:
      dialed = `+${digits}`;
  }
  for (const rule of rules.rewrites) {
    if (!rule.match || !dialed.startsWith(rule.match)) continue;
    if (rule.minLength !== undefined && dialed.length < rule.minLength) continue;
    if (rule.maxLength !== undefined && dialed.length > rule.maxLength) continue;
    dialed = rule.replace + dialed.slice(rule.match.length);
    break;
  }
  return rules.outsidePrefix + dialed;
}
