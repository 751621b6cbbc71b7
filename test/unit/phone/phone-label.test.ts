import { describe, expect, test } from 'vitest';
import { isPhoneLabel } from '../../../src/phone/phone-label';
import { PHONE_WORDS } from '../../../src/phone/phone-words';

describe('isPhoneLabel: a column header, <dt> or field name that says the value is a phone number', () => {
  test.each([
    'Phone', 'Phone:', 'Phone number', 'Phones', 'Mobile', 'Mobile phone', 'Mobile Number', 'Cell', 'Fax', 'Tel.', 'Tel./Fax',
    'Telephone / Fax', 'Telephone (work)', 'Contact phone number', 'Customer phone', 'Telefon', 'Telefon-Nr.:', 'Telefonnummer',
    'Kunden-Telefon', 'Telefon (privat)', 'Handy', 'Mobil', 'Téléphone', 'Téléphone *', 'Téléphone portable', 'Tél.', 'Teléfono',
    'Telefone', 'Telefono', 'Cellulare', 'Телефон', '电话', '전화', '  Phone  \n',
  ])('%j is a phone label', (label) => {
    expect(isPhoneLabel(label)).toBe(true);
  });

  test.each([
    '', 'Order', 'Order ID', 'SKU', 'Zip code', 'Invoice', 'Ring size', 'Call date', 'Call duration', 'Phone 1',
    'Our phone number is', 'Please call our friendly team during opening hours', 'Name', 'Amount', 'Telephones sold in 2024',
  ])('%j is not', (label) => {
    expect(isPhoneLabel(label)).toBe(false);
  });

  // The cheap word test in front of the pattern must let every word through, whatever its case and surroundings.
  test.each(PHONE_WORDS)('%j, in any case and with a prefix or a colon, is a label', (word) => {
    const title = (word[0] ?? '').toUpperCase() + word.slice(1);
    for (const label of [word, word.toUpperCase(), title, `${word}:`, `Home ${word.toUpperCase()}:`, `Kunden-${title} (privat)`]) {
      expect(isPhoneLabel(label), label).toBe(true);
    }
  });
});
