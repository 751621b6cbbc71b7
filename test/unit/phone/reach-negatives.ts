/**
 * Hard negatives for the reach set (issue 22): digit runs that look like phone numbers to a matcher but are not,
 * by kind, each read with the default country of a page that would show it. No string here holds a phone number.
 */
export interface NegativeRow {
  kind: string;
  text: string;
  country: string | undefined;
}

/** Every string of a kind, read once for each of the countries. */
const KINDS: Array<[kind: string, countries: Array<string | undefined>, texts: string[]]> = [
  [
    'dates',
    ['US', 'DE', 'GB', 'FR'],
    [
      '2024-03-15', '15.03.2024', '03/15/2024', '15/03/2024', '2024/03/15', '15-03-2024', '20240315', '15.03.24',
      '2024.03.15', '2024-03-15T14:30:00Z', '2024-03-15 14:30:00', '15.03.2024 - 22.03.2024', '03/15/2024 – 03/22/2024',
      '2024-03-15/2024-03-22', '15.03.2024 16.03.2024 17.03.2024', '2024-03-15, 2024-04-15 and 2024-05-15',
      'Mon 15/03/2024 Tue 16/03/2024', '1.3.2024 - 31.12.2024', '15 03 2024', '2024 03 15', '2024-W11-5',
      '12/31/1999 11:59 PM', 'from 01.01.2023 to 31.12.2023',
    ],
  ],
  [
    'dates in other scripts',
    ['AE', 'IR', 'IN', 'JP'],
    ['١٥/٠٣/٢٠٢٤', '٢٠٢٤-٠٣-١٥', '۱۴۰۲/۱۲/۲۵', '۲۵-۱۲-۱۴۰۲', '१५-०३-२०२४', '२०२४/०३/१५', '２０２４年３月１５日', '２０２４/０３/１５'],
  ],
  [
    'times',
    ['US', 'DE', 'FR'],
    ['14:30:15', '09:00–17:30', '8.30-12.30 / 13.30-17.00', '14h30-18h00', '2:30 PM - 4:45 PM', '01:23:45.678', '10:00 12:00 14:00 16:00', '٠٩:٠٠ - ١٧:٣٠'],
  ],
  [
    'money',
    ['US', 'DE', 'GB', 'IN'],
    [
      '$1,299.99 $1,499.99 $1,799.99', '€ 1.234.567,89', '1 234 567,89 €', '¥123456789', 'USD 2,500,000', '£2,133,734.00',
      '₹ 1,23,45,678', 'CHF 1’234’567.00', 'R$ 1.234.567,89', '12 345 678 kr', 'Total: $2133734253', '٣٤٥٬٦٧٨٬٩٠١ درهم',
      '$20 $415 $5550', 'price 1.212.555,01 €',
    ],
  ],
  [
    'identifiers',
    ['US', 'DE', 'GB'],
    [
      'Customer ID 2133734253', 'Kundennummer 030 2345678', 'Ref. 020 7946 0321', 'SKU 415-555-0132', 'Case #4155550132',
      'Order 415-555-0132', 'Invoice (415) 555-0132', 'Ticket 020 7946 0321', 'Account no. 0171 2345678',
      'Steuernummer 12/345/67890', 'St.-Nr. 143/123/45678', 'HRB 123456 B', 'Az. 1 BvR 2133/19', 'S/N 1234-5678-9012',
      'Serial 1234-5678 9012-3456', 'Model 123-4567 890', 'Patent US 9,123,456 B2', 'routing 021000021',
      'Member 1234 5678 9012', 'Voucher 4155-5501-3200',
    ],
  ],
  [
    'versions',
    ['US', 'DE'],
    ['v2.14.1023', '10.0.19045.3693', 'Chrome 124.0.6367.91', 'version 1.212.555', 'build 2024.03.15.1', 'v1.2.3 v1.2.4 v1.3.0', 'kernel 6.1.0-18-amd64'],
  ],
  [
    'coordinates',
    ['US', 'FR', 'DE'],
    ['48.858370, 2.294481', '40.7128 -74.0060', '-33.8688, 151.2093', '52.520008,13.404954', '51°30′26″N 0°7′39″W', 'lat 37.774929 lon -122.419416', 'UTM 33U 389000 5819000'],
  ],
  [
    'scores and sports results',
    ['US', 'GB', 'DE'],
    ['6-4 6-3 7-5', '106-98 112-104', 'Lakers 118-112 Celtics', '2-1 (1-0) 3-3 4-2', 'Final: 21-17, 14-21, 15-13', '3:1 2:0 1:1 0:2', '42,195 km in 2:01:09'],
  ],
  ['page ranges', ['US', 'DE', 'GB'], ['pp. 1234-1256', 'S. 212–255', 'pages 415-555, 600-612', 'Vol. 12, pp. 345-678, 901-934', 'p. 1123 1145 1167']],
  ['years', ['US', 'DE', 'GB'], ['1999-2004', '1939 1945 1989 2001', '2019/2020 2020/2021', '(1879–1955)', 'seasons 2021–22, 2022–23, 2023–24']],
  [
    'ISBNs',
    ['US', 'DE', 'GB'],
    ['ISBN 978-3-16-148410-0', 'ISBN 0-306-40615-2', '978-0-306-40615-7', 'ISBN 9780306406157 9783161484100', 'ISSN 0317-8471'],
  ],
  [
    'IBANs',
    ['DE', 'GB', 'FR', 'NL'],
    ['DE89 3704 0044 0532 0130 00', 'GB29 NWBK 6016 1331 9268 19', 'FR14 2004 1010 0505 0001 3M02 606', 'NL91 ABNA 0417 1643 00', 'IBAN: AT61 1904 3002 3457 3201'],
  ],
  [
    'order, invoice and tracking numbers',
    ['US', 'DE', 'GB'],
    [
      'Order #112-3456789-1234567', 'Invoice 2024-000123', 'Rechnung Nr. 2024/03/0158', '1Z999AA10123456784',
      '9400 1000 0000 0000 0000 00', 'Tracking: 7489 4765 2934', 'Sendungsnummer 00340434161094042557', 'PO 4500123456',
      'Booking ref 2133 7342 53', 'Bestellnummer 302-3456789',
    ],
  ],
  [
    'UUIDs and hashes',
    ['US', 'DE'],
    ['123e4567-e89b-12d3-a456-426614174000', '550e8400-e29b-41d4-a716-446655440000', 'sha 2133734253abcdef1234', 'commit 4155550132'],
  ],
  ['percentages', ['US', 'DE', 'FR'], ['12.5% 13.7% 14.2%', '99,99 %', '0.2133734253', '21 337 342 %', '+12,3 % -4,5 %']],
  [
    'measurements',
    ['US', 'DE', 'FR'],
    ['1 234 567 km', '12,345,678 kg', '123 456 789 m²', '299 792 458 m/s', '2 133 734 m', '2 133 734 253 bytes', '1920x1080 2560x1440'],
  ],
  [
    'card and account numbers',
    ['US', 'GB', 'DE'],
    ['4111 1111 1111 1111', '5500-0000-0000-0004', '3782 822463 10005', 'sort code 12-34-56 account 12345678', '123-45-6789', '90210-1234'],
  ],
  [
    'lists of numbers',
    ['US', 'DE', 'FR'],
    ['04 12 23 35 41 49', 'Lotto: 4-12-23-35-41-49', '1,234 5,678 9,012 3,456', '12 34 56 78 90 12 34', '0.415 0.555 0.132', 'IP 192.168.100.200 10.20.30.40'],
  ],
];

/** Dates in the formats pages print them, for a few days of different shapes. */
const DAYS: Array<[y: string, m: string, d: string]> = [['2024', '03', '15'], ['1999', '12', '31'], ['2023', '07', '04'], ['2025', '11', '09']];
const DATE_FORMATS: Array<(y: string, m: string, d: string) => string> = [
  (y, m, d) => `${y}-${m}-${d}`,
  (y, m, d) => `${d}.${m}.${y}`,
  (y, m, d) => `${m}/${d}/${y}`,
  (y, m, d) => `${d}/${m}/${y}`,
  (y, m, d) => `${y}/${m}/${d}`,
  (y, m, d) => `${d}-${m}-${y}`,
  (y, m, d) => `${y}${m}${d}`,
  (y, m, d) => `${d}.${m}.${y.slice(2)}`,
  (y, m, d) => `${y}.${m}.${d}`,
  (y, m, d) => `${y}-${m}-${d}T08:45:00+01:00`,
  (y, m, d) => `${d}.${m}.${y} 08:45`,
  (y, m, d) => `${y}-${m}-${d} – ${y}-${m}-28`,
  (y, m, d) => `Stand: ${d}.${m}.${y}`,
  (y, m, d) => `Updated ${m}/${d}/${y} 10:15 AM`,
];
KINDS.push(['dates, generated', ['US', 'DE', 'FR'], DAYS.flatMap(([y, m, d]) => DATE_FORMATS.map((f) => f(y, m, d)))]);

/** Phone-shaped digit runs after a word that says what they are: libphonenumber links them all. */
const LABELS = ['Order', 'Invoice', 'Bestellnummer', 'Rechnungsnummer', 'Commande n°', 'Facture', 'Pedido', 'Ref.', 'Tracking', 'IBAN'];
const SHAPES = ['415-555-0132', '(212) 555-0147', '030 2345678', '020 7946 0321', '01 42 68 53 21'];
KINDS.push(['phone-shaped identifiers', ['US', 'DE', 'GB', 'FR'], LABELS.flatMap((label) => SHAPES.map((shape) => `${label} ${shape}`))]);

KINDS.push(
  [
    'money, generated',
    ['US', 'DE', 'IN'],
    ['$', '€', '£', 'USD ', 'EUR '].flatMap((c) => ['2,133,734.25', '21.337.342,53', '4 155 550 132', '1,212,555.01'].map((a) => `${c}${a}`)),
  ],
  ['versions, generated', ['US', 'DE'], ['2.13.373.4253', '4.15.555.0132', '10.2.345.6789', 'v30.23.456.78', '1.0.2133734253', '6.12.34-56-78']],
  ['times, generated', ['US', 'DE', 'FR'], ['07:15 08:15 09:15 10:15', '12:34:56.789', '13h45 – 14h30', '0:00:21.337', 'T+02:13:37', '18.00–21.30 Uhr']],
  [
    'sports results, generated',
    ['US', 'DE', 'GB'],
    ['Bayern 3-1 Dortmund', 'Real Madrid 2 – 1 Barcelona', '76ers 121-119 Knicks', 'Set scores 7-6(4) 6-7(5) 7-5', 'Innings 245/6 (50 ov) and 187/9', 'Yankees 5, Red Sox 3', '1-0, 2-0, 2-1, 3-1', 'Final 4–3 OT (2-1, 1-1, 0-1)'],
  ],
  [
    'coordinates, generated',
    ['US', 'FR', 'CH'],
    ['N 47° 22.683 E 008° 32.450', '47.376887, 8.541694', '(51.507351, -0.127758)', 'GPS 40.689247,-74.044502', '35.6762° N, 139.6503° E', '-22.906847 -43.172897'],
  ],
  [
    'measurements, generated',
    ['US', 'DE', 'FR'],
    ['1 234 567 m³', 'Area 2,133,734 sq ft', '12 345 678 inhabitants', '6 022 140 76 × 10²³', '1.212.555 t', '3 000 000 000 Hz', '40 075 017 m'],
  ],
  [
    'other identifiers',
    ['US', 'DE', 'FR', 'ES'],
    ['EAN 4006381333931', 'GTIN 00012345600012', 'UPC 036000291452', 'VAT DE123456789', 'SIRET 732 829 320 00074', 'NIF 12345678Z', 'SSN 078-05-1120', 'EIN 12-3456789'],
  ],
);

export const REACH_NEGATIVES: NegativeRow[] = KINDS.flatMap(([kind, countries, texts]) =>
  texts.flatMap((text) => countries.map((country) => ({ kind, text, country }))),
);
