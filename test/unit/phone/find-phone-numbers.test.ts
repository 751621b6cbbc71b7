import { describe, expect, test } from 'vitest';
import { findPhoneNumbers } from '../../../src/phone/find-phone-numbers';
import { hasCandidate } from '../../../src/phone/has-candidate';

/** [country, usual national format, international format, E.164] — one mobile number per country. */
const MOBILES: Array<[string, string, string, string]> = [
  ['US', '(201) 555-0123', '+1 201 555 0123', '+12015550123'],
  ['CA', '(506) 234-5678', '+1 506 234 5678', '+15062345678'],
  ['GB', '07400 123456', '+44 7400 123456', '+447400123456'],
  ['DE', '01512 3456789', '+49 1512 3456789', '+4915123456789'],
  ['FR', '06 12 34 56 78', '+33 6 12 34 56 78', '+33612345678'],
  ['ES', '612 34 56 78', '+34 612 34 56 78', '+34612345678'],
  ['IT', '312 345 6789', '+39 312 345 6789', '+393123456789'],
  ['NL', '06 12345678', '+31 6 12345678', '+31612345678'],
  ['CH', '078 123 45 67', '+41 78 123 45 67', '+41781234567'],
  ['AT', '0664 123456', '+43 664 123456', '+43664123456'],
  ['AU', '0412 345 678', '+61 412 345 678', '+61412345678'],
  ['IN', '081234 56789', '+91 81234 56789', '+918123456789'],
  ['BR', '(11) 96123-4567', '+55 11 96123 4567', '+5511961234567'],
  ['JP', '090-1234-5678', '+81 90 1234 5678', '+819012345678'],
  ['MX', '222 123 4567', '+52 222 123 4567', '+522221234567'],
  ['SE', '070-123 45 67', '+46 70 123 45 67', '+46701234567'],
  ['PL', '512 345 678', '+48 512 345 678', '+48512345678'],
  ['BE', '0450 00 12 34', '+32 450 00 12 34', '+32450001234'],
  ['IE', '085 012 3456', '+353 85 012 3456', '+353850123456'],
  ['ZA', '071 123 4567', '+27 71 123 4567', '+27711234567'],
];

/** Landlines in their usual national format: [country, text, E.164]. */
const LANDLINES: Array<[string, string, string]> = [
  ['US', '(213) 373-4253', '+12133734253'],
  ['US', '213-373-4253', '+12133734253'],
  ['US', '213.373.4253', '+12133734253'],
  ['US', '1-213-373-4253', '+12133734253'],
  ['GB', '020 7946 0958', '+442079460958'],
  ['GB', '0161 496 0000', '+441614960000'],
  ['DE', '030 12345678', '+493012345678'],
  ['DE', '(030) 1234 5678', '+493012345678'],
  ['DE', '089 / 123 456 78', '+498912345678'],
  ['FR', '01 23 45 67 89', '+33123456789'],
  ['NL', '020 123 4567', '+31201234567'],
  ['CH', '044 668 18 00', '+41446681800'],
  ['AT', '01 234 5678', '+4312345678'],
  ['AU', '(02) 9374 4000', '+61293744000'],
  ['JP', '03-1234-5678', '+81312345678'],
];

type Row = [input: string, country: string, expected: Array<{ e164: string; text: string; ext?: string }>];

const POSITIVE: Row[] = [
  ...MOBILES.map(([c, national, , e164]): Row => [`Call me on ${national} today.`, c, [{ e164, text: national }]]),
  ...MOBILES.map(([c, , intl, e164]): Row => [`Mobile: ${intl}`, c === 'US' ? 'DE' : 'US', [{ e164, text: intl }]]),
  ...MOBILES.filter(([c]) => c !== 'DE').map(([, , intl, e164]): Row => [`Tel. 00${intl.slice(1)}`, 'DE', [{ e164, text: `00${intl.slice(1)}` }]]),
  ...LANDLINES.map(([c, text, e164]): Row => [`Our office: ${text}.`, c, [{ e164, text }]]),
  // The default country's international prefix.
  ['Dial 011 44 20 7946 0958 from the US', 'US', [{ e164: '+442079460958', text: '011 44 20 7946 0958' }]],
  ['+44 (0) 20 7946 0958', 'DE', [{ e164: '+442079460958', text: '+44 (0) 20 7946 0958' }]],
  // Extensions.
  ['Call +1 213-373-4253 ext. 204 today', 'US', [{ e164: '+12133734253', ext: '204', text: '+1 213-373-4253 ext. 204' }]],
  ['Office (213) 373-4253 x204', 'US', [{ e164: '+12133734253', ext: '204', text: '(213) 373-4253 x204' }]],
  ['(213) 373-4253 #204', 'US', [{ e164: '+12133734253', ext: '204', text: '(213) 373-4253 #204' }]],
  ['(213) 373-4253 ext 31', 'US', [{ e164: '+12133734253', ext: '31', text: '(213) 373-4253 ext 31' }]],
  // Odd characters: NBSP, narrow NBSP, dashes, soft hyphen, fullwidth.
  ['Tel.:\u00a0+49\u202f30\u00a012345678', 'DE', [{ e164: '+493012345678', text: '+49\u202f30\u00a012345678' }]],
  ['213\u2010373\u20104253', 'US', [{ e164: '+12133734253', text: '213\u2010373\u20104253' }]],
  ['213\u2013373\u20134253', 'US', [{ e164: '+12133734253', text: '213\u2013373\u20134253' }]],
  ['213\u2212373\u22124253', 'US', [{ e164: '+12133734253', text: '213\u2212373\u22124253' }]],
  ['+44 20 79\u00ad46 0958', 'US', [{ e164: '+442079460958', text: '+44 20 79\u00ad46 0958' }]],
  ['+44 20\u200b7946\u200b0958', 'US', [{ e164: '+442079460958', text: '+44 20\u200b7946\u200b0958' }]],
  ['\uff0b\uff18\uff11 \uff13-\uff11\uff12\uff13\uff14-\uff15\uff16\uff17\uff18', 'US', [{ e164: '+81312345678', text: '\uff0b\uff18\uff11 \uff13-\uff11\uff12\uff13\uff14-\uff15\uff16\uff17\uff18' }]],
  ['\u96fb\u8a71\uff1a\uff10\uff13\u2010\uff11\uff12\uff13\uff14\u2010\uff15\uff16\uff17\uff18', 'JP', [{ e164: '+81312345678', text: '\uff10\uff13\u2010\uff11\uff12\uff13\uff14\u2010\uff15\uff16\uff17\uff18' }]],
  // Several numbers in one run.
  ['020 7946 0958, 07911 123456', 'GB', [{ e164: '+442079460958', text: '020 7946 0958' }, { e164: '+447911123456', text: '07911 123456' }]],
  ['(213) 373-4253 or (213) 373-4254', 'US', [{ e164: '+12133734253', text: '(213) 373-4253' }, { e164: '+12133734254', text: '(213) 373-4254' }]],
  ['Tel 030 12345678 / Fax 030 12345679', 'DE', [{ e164: '+493012345678', text: '030 12345678' }, { e164: '+493012345679', text: '030 12345679' }]],
  // Positive context beats a negative word before it.
  ['Phone No.: 020 7946 0958', 'GB', [{ e164: '+442079460958', text: '020 7946 0958' }]],
  ['Telefon-Nr.: 030 12345678', 'DE', [{ e164: '+493012345678', text: '030 12345678' }]],
  ['☎ 020 7946 0958', 'GB', [{ e164: '+442079460958', text: '020 7946 0958' }]],
];

const DECOYS: Array<[string, string]> = [
  // Dates and date ranges.
  ['Published 2024-03-15', 'US'], ['on 15.03.2024', 'DE'], ['due 03/15/2024', 'US'], ['15/03/2024 - 22/03/2024', 'GB'],
  ['2024-03-15–2024-03-22', 'DE'], ['build 20240315', 'DE'], ['15. März 2024', 'DE'], ['March 15, 2024', 'US'], ['2024/03/15', 'JP'],
  // Times and time ranges.
  ['open 09:00–17:30', 'GB'], ['9.00-17.30 Uhr', 'DE'], ['at 14:30:15', 'US'], ['10:00 - 18:00', 'FR'],
  // Prices and amounts.
  ['$1,234,567.89', 'US'], ['1.234.567,89 €', 'DE'], ['EUR 12 345 678', 'DE'], ['1 234 567 Ft', 'DE'], ['£2,133,734', 'GB'],
  ['total: 2133734253 USD', 'US'], ['₹ 81,23,456', 'IN'],
  // Years and year ranges.
  ['1999–2024', 'US'], ['1914-1918', 'DE'], ['from 2019 to 2024', 'US'],
  // IPv4 addresses, ports, versions.
  ['192.168.100.200:8080', 'US'], ['server 10.20.30.40', 'DE'], ['v12.4.1', 'US'], ['1.2.3.4567', 'US'], ['version 2.13.373.4253', 'US'],
  // ISBN, DOI, UUID.
  ['ISBN 978-3-16-148410-0', 'DE'], ['ISBN 0-306-40615-2', 'US'], ['978-0-306-40615-7', 'US'], ['doi:10.1038/nphys1170', 'US'],
  ['10.1000/182', 'US'], ['123e4567-e89b-12d3-a456-426614174000', 'US'],
  // IBAN, cards, tracking and order numbers.
  ['IBAN DE89 3704 0044 0532 0130 00', 'DE'], ['GB29 NWBK 6016 1331 9268 19', 'GB'], ['4111 1111 1111 1111', 'US'],
  ['5500-0000-0000-0004', 'US'], ['1Z999AA10123456784', 'US'], ['9400 1000 0000 0000 0000 00', 'US'],
  ['Order 2133734253', 'US'], ['Order no. 2133734253', 'US'], ['Invoice 02079460958', 'GB'], ['Ticket #2133734253', 'US'],
  ['PO 030123456789', 'DE'], ['Ref: 2133734253', 'US'], ['Confirmation 2133734253', 'US'], ['Serial 2133734253', 'US'],
  ['Account 02079460958', 'GB'], ['Kundennummer 030 12345678', 'DE'], ['Rechnungsnummer 030123456', 'DE'],
  ['Bestellnummer: 0301234567', 'DE'], ['No. 2133734253', 'US'], ['21337342531234', 'US'], ['ID 12133734253999', 'US'],
  // ZIP+4, sort codes, coordinates, scores, percentages, measurements.
  ['Beverly Hills, CA 90210-1234', 'US'], ['sort code 12-34-56', 'GB'], ['51.5074, -0.1278', 'GB'],
  ['40.7128° N, 74.0060° W', 'US'], ['won 3-1', 'GB'], ['final score 102-98', 'US'], ['grew 12.3456789%', 'US'],
  ['population 1 234 567 inhabitants', 'FR'], ['1 234 567 km', 'DE'],
  // Pages and page ranges.
  ['pp. 2133–4253', 'US'],
];

describe('findPhoneNumbers: real numbers in their usual formats', () => {
  test.each(POSITIVE)('%j (%s)', (input, country, expected) => {
    const found = findPhoneNumbers(input, { defaultCountry: country });
    expect(found.map((m) => ({ e164: m.e164, text: input.slice(m.start, m.end), ...(m.ext ? { ext: m.ext } : {}) }))).toEqual(expected);
  });

  test('hasCandidate is true for every string with a number (the cheap scan never hides one)', () => {
    for (const [input] of POSITIVE) expect(hasCandidate(input), input).toBe(true);
  });
});

describe('findPhoneNumbers: things that are not phone numbers', () => {
  test.each(DECOYS)('%j (%s) → nothing', (input, country) => {
    expect(findPhoneNumbers(input, { defaultCountry: country })).toEqual([]);
  });

  test.each(['Hello world', 'no digits here at all', '12345', 'a 1 b 2 c 3'])('hasCandidate(%j) is false', (input) => {
    expect(hasCandidate(input)).toBe(false);
  });
});

test('the tables cover at least 150 strings and 12 countries', () => {
  expect(POSITIVE.length + DECOYS.length).toBeGreaterThanOrEqual(150);
  expect(new Set(POSITIVE.map(([, c]) => c)).size).toBeGreaterThanOrEqual(12);
});

describe('context words with a filler word between', () => {
  test.each([
    ['Your confirmation number 2133734253', 'US', []],
    ['Order number: 2133734253', 'US', []],
    ['Phone number: (213) 373-4253', 'US', ['+12133734253']],
    ['Visible plain number: (213) 373-4253', 'US', ['+12133734253']],
    ['Angebot 2024-118 über 12.345,00 €', 'DE', []],
    ['bis 17:30 — 089 12345605', 'DE', ['+498912345605']],
  ])('%j (%s)', (input, country, expected) => {
    expect(findPhoneNumbers(input, { defaultCountry: country }).map((m) => m.e164)).toEqual(expected);
  });
});
