import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, test } from 'vitest';
import { findPhoneNumbers } from '../../../src/phone/find-phone-numbers';

const found = (input: string, defaultCountry: string) =>
  findPhoneNumbers(input, { defaultCountry }).map((m) => ({ e164: m.e164, text: input.slice(m.start, m.end) }));

/** [text, country, the number as shown, E.164]: every E.164 is checked valid in the max metadata below. */
const NATIONAL_FORMS: Array<[string, string, string, string]> = [
  // Argentina: a mobile written nationally carries "15" after the area code; internationally it is +54 9.
  ['Celular: 011 15-2345-6789', 'AR', '011 15-2345-6789', '+5491123456789'],
  ['Tel. 0343 15 555 1212', 'AR', '0343 15 555 1212', '+5493435551212'],
  ['Móvil 0351 15-412-3456', 'AR', '0351 15-412-3456', '+5493514123456'],
  ['WhatsApp 02962 15-41-2345', 'AR', '02962 15-41-2345', '+5492962412345'],
  ['Tel. (011) 4123-4567', 'AR', '(011) 4123-4567', '+541141234567'],
  // Mexico: 044 and 045 before a mobile, 01 before a long-distance call, from before the 2019 change.
  ['Cel. 044 55 1234 5678', 'MX', '044 55 1234 5678', '+525512345678'],
  ['Celular: 045 33 1234 5678', 'MX', '045 33 1234 5678', '+523312345678'],
  ['Tel. (044) 81 1234 5678', 'MX', '(044) 81 1234 5678', '+528112345678'],
  ['Lada sin costo 01 800 123 4567', 'MX', '01 800 123 4567', '+528001234567'],
  ['Tel. 01 55 5123 4567', 'MX', '01 55 5123 4567', '+525551234567'],
  ['Tel. 55 5123 4567', 'MX', '55 5123 4567', '+525551234567'],
  // Brazil: the trunk 0, a carrier's two digits, then the area code; "0xx" leaves the carrier open.
  ['Tel. 0 21 11 3456-7890', 'BR', '0 21 11 3456-7890', '+551134567890'],
  ['Cel. 0 15 21 98765-4321', 'BR', '0 15 21 98765-4321', '+5521987654321'],
  ['Tel.: (0xx11) 3456-7890', 'BR', '(0xx11) 3456-7890', '+551134567890'],
  ['Fone (0XX21) 98765-4321', 'BR', '(0XX21) 98765-4321', '+5521987654321'],
  ['Tel. 0xx11 3456 7890', 'BR', '0xx11 3456 7890', '+551134567890'],
  // Italy keeps the leading 0 of landlines in the international number; mobiles start with 3.
  ['Tel. 06 6982 1234', 'IT', '06 6982 1234', '+390669821234'],
  ['Tel. 02-12345678', 'IT', '02-12345678', '+390212345678'],
  ['Tel. 0471 123456', 'IT', '0471 123456', '+390471123456'],
  ['Cell. 333 123 4567', 'IT', '333 123 4567', '+393331234567'],
  ['Numero verde 800 123 456', 'IT', '800 123 456', '+39800123456'],
  // Japan: area codes of one to five digits with the trunk 0, mobiles 070/080/090, free dial 0120.
  ['電話 03-1234-5678', 'JP', '03-1234-5678', '+81312345678'],
  ['TEL 06-6123-4567', 'JP', '06-6123-4567', '+81661234567'],
  ['TEL 0466-12-3456', 'JP', '0466-12-3456', '+81466123456'],
  ['携帯 090-1234-5678', 'JP', '090-1234-5678', '+819012345678'],
  ['フリーダイヤル 0120-123-456', 'JP', '0120-123-456', '+81120123456'],
];

describe('national forms: the number as dialled inside its country', () => {
  test.each(NATIONAL_FORMS)('%j (%s)', (input, country, text, e164) => {
    expect(parsePhoneNumberFromString(e164)?.isValid(), `${e164} is valid`).toBe(true);
    expect(found(input, country)).toEqual([{ e164, text }]);
  });

  test.each([
    // The prefixes are Mexico's and Brazil's: read for another country, the text is as written.
    ['Cel. 044 55 1234 5678', 'US'],
    ['Tel. (0xx11) 3456-7890', 'PT'],
    // Too many digits after 044, or a carrier code with no area code after it.
    ['Ref. 044 55 1234 56789', 'MX'],
    ['Caixa 0xx 3456', 'BR'],
    // Not "15" after the area code: not the mobile form.
    ['Pedido 0343 16 555 1212', 'AR'],
  ])('%j read for %s is not a number', (input, country) => {
    expect(found(input, country)).toEqual([]);
  });
});
