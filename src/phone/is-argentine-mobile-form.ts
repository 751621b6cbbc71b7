import type { PhoneNumber } from 'libphonenumber-js/max';

/**
 * True when `digits` (what the page wrote, digits only) is an Argentine mobile number in its national form: the
 * trunk 0, the area code, the "15" token, the subscriber number ("011 15-2345-6789", "0343 15 555 1212"), which is
 * +54 9 with the area code and subscriber number. Area codes have two to four digits and the national number does not
 * say which, so libphonenumber's own national format may put the 15 elsewhere than the page did ("03435 15-55-1212").
 */
export function isArgentineMobileForm(digits: string, number: PhoneNumber): boolean {
  const national = number.nationalNumber;
  if (number.countryCallingCode !== '54' || !national.startsWith('9') || digits.length !== national.length + 2) return false;
  const rest = national.slice(1);
  for (let area = 2; area <= 4; area++) {
    if (digits === `0${rest.slice(0, area)}15${rest.slice(area)}`) return true;
  }
  return false;
}
