import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Kinds of number a person would not dial by accident: they cost more than a normal call (premium rate, shared
 * cost), forward to wherever their owner likes (personal numbers, UAN), or libphonenumber cannot tell what they are.
 */
export type NumberRisk = 'premium-rate' | 'shared-cost' | 'uan' | 'personal-number' | 'unknown-type';

const RISKY: Record<string, NumberRisk> = {
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  UAN: 'uan',
  PERSONAL_NUMBER: 'personal-number',
};

/** Why an E.164 number should be confirmed before it is dialled, or undefined for an ordinary number. */
export function numberRisk(e164: string): NumberRisk | undefined {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed?.isValid()) return 'unknown-type';
  const type = parsed.getType();
  if (type === undefined) return 'unknown-type';
  return RISKY[type];
}

/** The ISO 3166-1 region an E.164 number belongs to ("GB"), when libphonenumber knows it. */
export function numberCountry(e164: string): string | undefined {
  return parsePhoneNumberFromString(e164)?.country;
}
