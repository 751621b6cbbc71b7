import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** International format for people ("+44 20 7946 0958"); the input unchanged when it does not parse. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
