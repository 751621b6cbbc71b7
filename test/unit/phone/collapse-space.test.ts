import { describe, expect, test } from 'vitest';
import { cleanText } from '../../../src/phone/clean-text';
import { collapseSpace } from '../../../src/phone/collapse-space';
import { findPhoneNumbers } from '../../../src/phone/find-phone-numbers';
import { joinRun } from '../../../content/join-run';

/** The white space a page's HTML source puts between inline elements: line breaks of every system, tabs, indentation. */
const SPACES = ['\n', '\r\n', '\r', '\t', '\n\t\t', '\n        ', ' \n ', '\t \t', '\f', '\n\u00a0', '\r\n\t\t\t\t'];

/** [pieces as the run's text nodes hold them, default country, E.164, the number as shown]. */
const SPLITS: Array<[(ws: string) => string[], string, string, string]> = [
  [(ws) => ['Tel. + ', `${ws}45 61 68 68 66`], 'US', '+4561686866', '+ WS45 61 68 68 66'],
  [(ws) => ['+45', `${ws}22 58 54 58`], 'US', '+4522585458', '+45WS22 58 54 58'],
  [(ws) => ['Telefon: ', `030${ws}`, '1234567'], 'DE', '+49301234567', '030WS1234567'],
  [(ws) => ['Tel.', ws, '+49', ws, '(0)30', ws, '1234 567'], 'US', '+49301234567', '+49WS(0)30WS1234 567'],
  [(ws) => ['Tlf. ', `22${ws}`, '21 00 96'], 'NO', '+4722210096', '22WS21 00 96'],
  [(ws) => ['(213)', ws, '373-4253'], 'US', '+12133734253', '(213)WS373-4253'],
];

const rows = SPLITS.flatMap(([pieces, country, e164, shown]) => SPACES.map((ws) => [pieces(ws), country, e164, shown.replaceAll('WS', ws)] as const));

describe('a number split by the page\'s source white space between inline elements is read as the browser shows it', () => {
  test.each(rows)('%j (%s)', (pieces, country, e164, shown) => {
    const joined = joinRun(pieces);
    const raw = pieces.join('');
    const found = findPhoneNumbers(joined.text, { defaultCountry: country });
    expect(found.map((m) => ({ e164: m.e164, text: raw.slice(joined.toRaw(m.start), joined.toRaw(m.end)) }))).toEqual([{ e164, text: shown }]);
  });

  test.each([
    ['numbers one per line', 'Tel 020 7946 0018\n020 7946 0019', 'GB', ['+442079460018', '+442079460019']],
    ['a number and a postcode on the next line', 'Tel. 030 1234567\n10115 Berlin', 'DE', ['+49301234567']],
    ['tel and fax on consecutive lines', 'Tel.\n\t030 1234567\nFax\n\t030 1234568', 'DE', ['+49301234567', '+49301234568']],
  ])('%s keep their reading', (_what, text, country, numbers) => {
    expect(findPhoneNumbers(text, { defaultCountry: country }).map((m) => m.e164)).toEqual(numbers);
  });

  test('a block boundary still separates: two runs are never joined', () => {
    // walkRuns ends a run at every block; each run is read alone.
    expect(findPhoneNumbers('+45', { defaultCountry: 'US' })).toEqual([]);
    expect(findPhoneNumbers('22 58 54 58', { defaultCountry: 'US' })).toEqual([]);
  });
});

describe('collapseSpace', () => {
  test('maps each collapsed run to its first raw character', () => {
    const out = collapseSpace(cleanText('+4 \n\t 5\r\n6'));
    expect(out).toEqual([{ text: '+4 5 6', offsets: [0, 1, 2, 6, 7, 9, 10], joins: [2, 7] }]);
  });
  test('leaves text without line breaks or tabs between number pieces alone', () => {
    expect(collapseSpace(cleanText('030  1234567'))).toEqual([]);
    expect(collapseSpace(cleanText('Tel:\n030 1234567'))).toEqual([]);
  });
});
