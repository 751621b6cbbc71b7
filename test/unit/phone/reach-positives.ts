/**
 * The labelled reach set (issue 22): strings with real phone numbers in the forms people write them, by class, each
 * with the default country it is read for (undefined: no default country). `expected` lists every number in the
 * string with the exact raw slice its link must cover. Every E.164 here must be valid in libphonenumber-js's max
 * metadata (reach.test.ts checks it). Rows that need the page around them (a "Phone" table column) cannot be
 * written as one text and are not here.
 */
import type { ExpectedMatch } from './positive-rows';

/** The text-level classes this set measures; the last five are read with their context (see CONTEXT_CLASSES). */
export type ReachClass =
  | 'adjacent'
  | 'followed-by-digits'
  | 'us-dotted-trunk'
  | 'script-digits'
  | 'brackets'
  | 'vanity'
  | 'ar-15'
  | 'mx-044'
  | 'br-carrier'
  | 'it-jp-national';

/** Classes found from their context and national rules, apart from the text-level ones (separate work). */
export const CONTEXT_CLASSES: readonly ReachClass[] = ['vanity', 'ar-15', 'mx-044', 'br-carrier', 'it-jp-national'];

export interface ReachRow {
  cls: ReachClass;
  text: string;
  country: string | undefined;
  expected: ExpectedMatch[];
}

/** A number inside a row: how it is written there and what it dials. */
interface Piece {
  text: string;
  e164: string;
}

/** Builds one row from literal text and numbers, so each expected slice is exactly what was written. */
function row(cls: ReachClass, country: string | undefined, ...parts: Array<string | Piece>): ReachRow {
  const text = parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
  const expected = parts.filter((p): p is Piece => typeof p !== 'string').map((p) => ({ e164: p.e164, text: p.text }));
  return { cls, text, country, expected };
}

const n = (text: string, e164: string): Piece => ({ text, e164 });

/**
 * [country, national format, international format, a national format punctuated as one unit (- . / or
 * parentheses) or undefined where the country writes numbers with spaces only, E.164].
 */
const NUMBERS: Array<[string, string, string, string | undefined, string]> = [
  ['US', '(415) 555-0132', '+1 415-555-0132', '415-555-0132', '+14155550132'],
  ['CA', '(604) 555-0187', '+1 604 555 0187', '604-555-0187', '+16045550187'],
  ['GB', '020 7946 0321', '+44 20 7946 0321', '(020) 7946 0321', '+442079460321'],
  ['GB', '07400 123456', '+44 7400 123456', '07400-123456', '+447400123456'],
  ['DE', '030 2345678', '+49 30 2345678', '030/2345678', '+49302345678'],
  ['DE', '0171 2345678', '+49 171 2345678', '0171-2345678', '+491712345678'],
  ['FR', '01 42 68 53 21', '+33 1 42 68 53 21', '01.42.68.53.21', '+33142685321'],
  ['ES', '913 45 67 89', '+34 913 45 67 89', '913-456-789', '+34913456789'],
  ['IT', '02 8765 4321', '+39 02 8765 4321', '02/87654321', '+390287654321'],
  ['NL', '010 234 5678', '+31 10 234 5678', '010-2345678', '+31102345678'],
  ['BE', '03 234 56 78', '+32 3 234 56 78', '03/234.56.78', '+3232345678'],
  ['CH', '031 345 67 89', '+41 31 345 67 89', '031/345.67.89', '+41313456789'],
  ['AT', '0316 123456', '+43 316 123456', '0316/123456', '+43316123456'],
  ['AU', '(03) 9123 4567', '+61 3 9123 4567', '(03) 9123 4567', '+61391234567'],
  ['NZ', '09 345 6789', '+64 9 345 6789', '(09) 345-6789', '+6493456789'],
  ['IN', '080 2345 6789', '+91 80 2345 6789', '080-23456789', '+918023456789'],
  ['BR', '(21) 2345-6789', '+55 21 2345-6789', '(21) 2345-6789', '+552123456789'],
  ['MX', '33 1234 5678', '+52 33 1234 5678', '(33) 1234-5678', '+523312345678'],
  ['JP', '06-6123-4567', '+81 6-6123-4567', '06-6123-4567', '+81661234567'],
  ['KR', '02-312-3456', '+82 2-312-3456', '02-312-3456', '+8223123456'],
  ['CN', '010 6512 3456', '+86 10 6512 3456', '010-65123456', '+861065123456'],
  ['SE', '031-123 45 67', '+46 31 123 45 67', '031-123 45 67', '+46311234567'],
  ['NO', '22 12 34 56', '+47 22 12 34 56', undefined, '+4722123456'],
  ['DK', '33 12 34 56', '+45 33 12 34 56', undefined, '+4533123456'],
  ['FI', '09 1234 5678', '+358 9 1234 5678', '(09) 1234 5678', '+358912345678'],
  ['PL', '12 345 67 89', '+48 12 345 67 89', '(12) 345-67-89', '+48123456789'],
  ['CZ', '224 123 456', '+420 224 123 456', undefined, '+420224123456'],
  ['PT', '22 123 4567', '+351 22 123 4567', undefined, '+351221234567'],
  ['IE', '021 123 4567', '+353 21 123 4567', '(021) 123 4567', '+353211234567'],
  ['ZA', '021 123 4567', '+27 21 123 4567', '021-123-4567', '+27211234567'],
  ['AR', '011 4321-5678', '+54 11 4321-5678', '011 4321-5678', '+541143215678'],
  ['TR', '0312 123 45 67', '+90 312 123 45 67', '(0312) 123 45 67', '+903121234567'],
  ['RU', '8 (812) 123-45-67', '+7 812 123-45-67', '8 (812) 123-45-67', '+78121234567'],
  ['AE', '04 234 5678', '+971 4 234 5678', '04-2345678', '+97142345678'],
  ['SA', '011 234 5678', '+966 11 234 5678', undefined, '+966112345678'],
  ['EG', '02 2345 6789', '+20 2 2345 6789', '(02) 2345 6789', '+20223456789'],
  ['IR', '021 8877 6655', '+98 21 8877 6655', '021-88776655', '+982188776655'],
  ['IL', '03-123-4567', '+972 3-123-4567', '03-123-4567', '+97231234567'],
  ['GR', '210 123 4567', '+30 210 123 4567', '210-1234567', '+302101234567'],
  ['SG', '6123 4567', '+65 6123 4567', undefined, '+6561234567'],
  ['HK', '2345 6789', '+852 2345 6789', undefined, '+85223456789'],
  ['PK', '042 3512 3456', '+92 42 3512 3456', '(042) 35123456', '+924235123456'],
  ['NP', '01-4123456', '+977 1-4123456', '01-4123456', '+97714123456'],
  ['UA', '044 123 4567', '+380 44 123 4567', '(044) 123-45-67', '+380441234567'],
  ['TH', '02 123 4567', '+66 2 123 4567', '02-123-4567', '+6621234567'],
  ['MY', '03-2123 4567', '+60 3-2123 4567', '03-2123 4567', '+60321234567'],
  ['PH', '02 8123 4567', '+63 2 8123 4567', '(02) 8123-4567', '+63281234567'],
  ['ID', '021 2345 6789', '+62 21 2345 6789', '(021) 2345-6789', '+622123456789'],
  ['NG', '0803 123 4567', '+234 803 123 4567', '0803-123-4567', '+2348031234567'],
  ['MA', '0522-123456', '+212 522-123456', '0522-123456', '+212522123456'],
  ['SK', '02/5443 1234', '+421 2 5443 1234', '02/5443 1234', '+421254431234'],
  ['HR', '01 2345 678', '+385 1 2345 678', undefined, '+38512345678'],
];

/** The same number with its last digit moved on by `by`: the next line of the same office, written the same way. */
function next(written: string, e164: string, by: number): Piece {
  const bump = (s: string) => {
    const i = s.search(/\d\D*$/);
    return s.slice(0, i) + String((Number(s.charAt(i)) + by) % 10) + s.slice(i + 1);
  };
  return n(bump(written), bump(e164));
}

/** Digits in another script: the ASCII digits of `s` replaced by those from `zero` on (U+0660 Arabic-Indic …). */
function inScript(s: string, zero: number): string {
  return s.replace(/\d/g, (d) => String.fromCharCode(zero + Number(d)));
}
const ARABIC = 0x0660;
const PERSIAN = 0x06f0;
const DEVANAGARI = 0x0966;
const FULLWIDTH = 0xff10;

const adjacent: ReachRow[] = [
  row('adjacent', 'US', 'Tel ', n('(415) 555-0100', '+14155550100'), ' ', n('(800) 555-0199', '+18005550199')),
  row('adjacent', 'US', n('212-555-0100', '+12125550100'), '/', n('212-555-0199', '+12125550199')),
  row('adjacent', 'GB', 'Phone: ', n('020 7946 0018', '+442079460018'), ' / ', n('020 7946 0019', '+442079460019')),
  // A short second number ("…0100/0199") links the full number only: the tail alone dials nothing.
  row('adjacent', 'US', 'Tel./Fax ', n('212.555.0100', '+12125550100'), '/0199'),
  row('adjacent', 'DE', 'Tel. ', n('030 2345678', '+49302345678'), ', Fax ', n('030 2345679', '+49302345679')),
  row('adjacent', 'FR', 'Tél. ', n('01 42 68 53 21', '+33142685321'), ' ou ', n('06 12 34 56 78', '+33612345678')),
];

const followed: ReachRow[] = [
  row('followed-by-digits', 'US', 'Call ', n('415-555-0100', '+14155550100'), ' 100 Main Street'),
  row('followed-by-digits', 'US', '$20 ', n('415-555-0100', '+14155550100')),
  row('followed-by-digits', 'US', n('415-555-0100', '+14155550100'), ' 500 free minutes'),
  row('followed-by-digits', 'US', 'Open 9-5 ', n('(212) 555-0147', '+12125550147'), ' 24 hours on weekends'),
  row('followed-by-digits', 'CA', 'Call ', n('604-555-0187', '+16045550187'), ' 1200 Main St, Vancouver'),
  row('followed-by-digits', 'GB', 'Tel ', n('(020) 7946 0321', '+442079460321'), ' 221 Baker Street'),
];

const dotted: ReachRow[] = [
  row('us-dotted-trunk', 'US', n('1.212.555.0100', '+12125550100')),
  row('us-dotted-trunk', undefined, n('+1.212.555.0100', '+12125550100')),
  row('us-dotted-trunk', 'US', 'Call ', n('1.800.555.0199', '+18005550199'), ' today'),
  row('us-dotted-trunk', 'US', 'Phone: ', n('1.415.555.0132', '+14155550132')),
  row('us-dotted-trunk', 'US', 'Toll free ', n('1.888.555.0142', '+18885550142'), ', local ', n('1.312.555.0176', '+13125550176')),
  row('us-dotted-trunk', 'CA', 'Tel. ', n('1.604.555.0187', '+16045550187')),
  row('us-dotted-trunk', 'CA', n('1.416.555.0123', '+14165550123'), ' (Toronto office)'),
  row('us-dotted-trunk', 'DE', 'US office: ', n('+1.617.555.0110', '+16175550110')),
  row('us-dotted-trunk', 'US', 'Reach us at ', n('1.503.555.0163', '+15035550163'), '.'),
  row('us-dotted-trunk', 'US', 'Fax: ', n('1.206.555.0191', '+12065550191')),
  row('us-dotted-trunk', 'GB', 'New York: ', n('+1.212.555.0188', '+12125550188'), ' London: ', n('+44.20.7946.0321', '+442079460321')),
  row('us-dotted-trunk', 'US', 'Sales ', n('1.877.555.0134', '+18775550134'), ' • Support ', n('1.866.555.0156', '+18665550156')),
  row('us-dotted-trunk', 'US', '(', n('1.720.555.0118', '+17205550118'), ')'),
  row('us-dotted-trunk', 'US', 'Mobile ', n('1.646.555.0149', '+16465550149')),
  row('us-dotted-trunk', undefined, 'Hotline ', n('+1.800.555.0111', '+18005550111')),
  row('us-dotted-trunk', 'US', 'Dial ', n('1.305.555.0172', '+13055550172'), ' for Miami'),
  row('us-dotted-trunk', 'US', 'Call ', n('1.512.555.0165', '+15125550165'), ' 9am-5pm'),
  row('us-dotted-trunk', 'CA', 'Montréal : ', n('1.514.555.0107', '+15145550107')),
  row('us-dotted-trunk', 'US', 'Questions? ', n('1.415.555.0199', '+14155550199')),
  row('us-dotted-trunk', 'FR', 'Bureau de New York : ', n('+1.212.555.0123', '+12125550123')),
];

const script: ReachRow[] = [
  row('script-digits', undefined, n('+٤٤ ٢٠ ٧٩٤٦ ٠٠١٨', '+442079460018')),
  row('script-digits', 'AE', 'هاتف: ', n('٠٤ ٢٣٤ ٥٦٧٨', '+97142345678')),
  row('script-digits', 'AE', 'جوال ', n('٠٥٠ ١٢٣ ٤٥٦٧', '+971501234567')),
  row('script-digits', 'SA', 'هاتف ', n('٠١١ ٢٣٤ ٥٦٧٨', '+966112345678')),
  row('script-digits', 'SA', 'جوال: ', n('٠٥٠ ١٢٣ ٤٥٦٧', '+966501234567')),
  row('script-digits', 'EG', 'هاتف: ', n('٠٢ ٢٣٤٥ ٦٧٨٩', '+20223456789')),
  row('script-digits', 'IR', 'تلفن: ', n('۰۲۱ ۸۸۷۷ ۶۶۵۵', '+982188776655')),
  row('script-digits', 'IR', 'موبایل ', n('۰۹۱۲ ۳۴۵ ۶۷۸۹', '+989123456789')),
  row('script-digits', 'PK', 'فون: ', n('۰۴۲ ۳۵۱۲ ۳۴۵۶', '+924235123456')),
  row('script-digits', 'IN', 'फ़ोन: ', n('०८० २३४५ ६७८९', '+918023456789')),
  row('script-digits', 'IN', 'मोबाइल ', n('०९८७६५ ४३२१०', '+919876543210')),
  row('script-digits', 'NP', 'फोन: ', n('०१-४१२३४५६', '+97714123456')),
  row('script-digits', 'JP', '電話 ', n('０６-６１２３-４５６７', '+81661234567')),
  row('script-digits', 'JP', '電話：', n('０３－１２３４－５６７８', '+81312345678')),
  row('script-digits', 'CN', '电话 ', n('０１０ ６５１２ ３４５６', '+861065123456')),
  row('script-digits', 'KR', '전화 ', n('０２-３１２-３４５６', '+8223123456')),
  row('script-digits', undefined, 'Tel ', n('+44 ٢٠ ٧٩٤٦ ٠٣٢١', '+442079460321')),
  row('script-digits', undefined, 'هاتف \u200f', n('+٩٧١ ٤ ٢٣٤ ٥٦٧٨', '+97142345678')),
  row('script-digits', 'AE', 'هاتف\u061c ', n('٠٤\u061c ٢٣٤ ٥٦٧٨', '+97142345678')),
];

const brackets: ReachRow[] = [
  row('brackets', undefined, '[', n('+43 5 1766 1000', '+43517661000'), ']'),
  row('brackets', undefined, '{', n('+1 212 555 0100', '+12125550100'), '}'),
  row('brackets', undefined, '«', n('+33 1 42 68 53 00', '+33142685300'), '»'),
  row('brackets', 'US', n('415-555-0100', '+14155550100'), '.Thanks'),
  row('brackets', 'US', 'Call ', n('415-555-0100', '+14155550100'), '! Or write.'),
  row('brackets', 'JP', '【', n('03-1234-5678', '+81312345678'), '】'),
  row('brackets', 'JP', '「', n('03-1234-5678', '+81312345678'), '」'),
  row('brackets', 'DE', '„', n('030 2345678', '+49302345678'), '“'),
  row('brackets', undefined, '‹', n('+33 1 42 68 53 21', '+33142685321'), '›'),
  row('brackets', 'US', '|', n('415-555-0132', '+14155550132'), '|'),
  row('brackets', 'US', '→', n('415-555-0132', '+14155550132')),
  row('brackets', 'US', '*', n('415-555-0132', '+14155550132'), '*'),
];

for (const [country, national, international, punctuated, e164] of NUMBERS) {
  const a = n(national, e164);
  const b = next(national, e164, 1);
  const c = next(national, e164, 2);
  const ia = n(international, e164);
  const ib = next(international, e164, 1);
  adjacent.push(
    row('adjacent', country, 'Tel: ', a, ' / ', b),
    ...(national.includes('/') ? [] : [row('adjacent', country, 'Tel ', a, '/', b)]),
    row('adjacent', country, 'Phone ', a, ', ', b, ' or ', c),
    row('adjacent', undefined, 'Tel ', ia, ' ', ib),
    row('adjacent', undefined, ia, ', ', ib),
  );
  if (punctuated !== undefined) {
    const p = n(punctuated, e164);
    adjacent.push(row('adjacent', country, 'Tel ', p, ' ', next(punctuated, e164, 1)));
    followed.push(row('followed-by-digits', country, '€20 ', p));
    // Where numbers come in more than one length (Germany, Austria), digits after a number may be more of it.
    if (!['DE', 'AT'].includes(country)) {
      followed.push(
        row('followed-by-digits', country, 'Hotline ', p, ' 24/7'),
        row('followed-by-digits', country, p, ' 500 free minutes'),
        row('followed-by-digits', country, 'Call ', p, ' 100 Main Street'),
      );
    }
  }
  // Written with spaces only, a number followed by more digits may be part of a longer one: punctuated ones only.
  if (/\d[-./]\d|[()]/.test(international)) followed.push(row('followed-by-digits', undefined, ia, ' 500 free minutes'));
  script.push(
    row('script-digits', undefined, 'هاتف: ', n(inScript(international, ARABIC), e164)),
    row('script-digits', undefined, 'تلفن: ', n(inScript(international, PERSIAN), e164)),
    row('script-digits', undefined, 'फ़ोन: ', n(inScript(international, DEVANAGARI), e164)),
    row('script-digits', undefined, 'Tel. ', n(inScript(international, FULLWIDTH), e164)),
    row('script-digits', country, 'Tel. ', n(inScript(national, ARABIC), e164)),
  );
  brackets.push(
    row('brackets', undefined, '[', ia, ']'),
    row('brackets', undefined, '{', ia, '}'),
    row('brackets', undefined, '«', ia, '»'),
    row('brackets', undefined, '(', ia, ')'),
    row('brackets', country, 'Tel. [', a, ']'),
    row('brackets', country, 'Tel. ', a, '.Thanks'),
  );
}

/** Context classes, written with their label so the text alone carries it. */
const context: ReachRow[] = [
  row('vanity', 'US', 'Phone: ', n('1-800-FLOWERS', '+18003569377')),
  row('vanity', 'US', 'Call ', n('1-800-GOT-JUNK', '+18004685865')),
  row('vanity', 'GB', 'Tel: ', n('0800 REPAIRS', '+448007372477')),
  row('vanity', 'US', 'Tel. ', n('1-888-NEW-CARS', '+18886392277')),
  row('ar-15', 'AR', 'Tel. ', n('011 15-2345-6789', '+5491123456789')),
  row('ar-15', 'AR', 'Cel: ', n('0343 15 555 1212', '+5493435551212')),
  row('ar-15', 'AR', 'Celular ', n('011 15 4123 4567', '+5491141234567')),
  row('mx-044', 'MX', 'Cel. ', n('044 55 1234 5678', '+525512345678')),
  row('mx-044', 'MX', 'Tel: ', n('045 33 1234 5678', '+523312345678')),
  row('br-carrier', 'BR', 'Tel.: ', n('0 21 11 3123-4567', '+551131234567')),
  row('br-carrier', 'BR', 'Tel.: ', n('0 15 21 2345-6789', '+552123456789')),
  row('it-jp-national', 'IT', 'Tel. ', n('06 1234 5678', '+390612345678')),
  row('it-jp-national', 'IT', 'Cell. ', n('333 123 4567', '+393331234567')),
  row('it-jp-national', 'IT', 'Tel. ', n('02 1234567', '+39021234567')),
  row('it-jp-national', 'JP', 'Tel ', n('03-1234-5678', '+81312345678')),
  row('it-jp-national', 'JP', '電話 ', n('090-1234-5678', '+819012345678')),
  row('it-jp-national', 'JP', 'フリーダイヤル ', n('0120-123-456', '+81120123456')),
];

export const REACH_POSITIVES: ReachRow[] = [...adjacent, ...followed, ...dotted, ...script, ...brackets, ...context];
