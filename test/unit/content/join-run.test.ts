import { describe, expect, test } from 'vitest';
import { cutRun } from '../../../content/cut-run';
import { joinRun } from '../../../content/join-run';
import { findPhoneNumbers } from '../../../src/phone/find-phone-numbers';

describe('joining a run for the matcher', () => {
  test.each([
    [['Ada Park', 'Sales', '(213) 373-4401'], 'Ada ParkSales (213) 373-4401'],
    [['Gus Ruiz', 'Operations', '+1 212 373 4417'], 'Gus RuizOperations +1 212 373 4417'],
    [['Call ', '(213) 373-4401'], 'Call (213) 373-4401'],
    [['Tel:', '+44 20 7946 0958'], 'Tel:+44 20 7946 0958'],
    [['+44', ' 7911 123456'], '+44 7911 123456'],
    [['Room', '', '12'], 'Room 12'],
    [['2024', '-03-15'], '2024-03-15'],
    [['هاتف', '٠٤ ٢٣٤ ٥٦٧٨'], 'هاتف ٠٤ ٢٣٤ ٥٦٧٨'],
    [['फ़ोन', '०८० २३४५ ६७८९'], 'फ़ोन ०८० २३४५ ६७८९'],
  ])('%j reads %j', (texts, expected) => {
    expect(joinRun(texts).text).toBe(expected);
  });

  test('positions map back to the page text, which has no added spaces', () => {
    const texts = ['Di Novak', 'Legal', '(213) 373-4414', ' · ', 'Eve', '(310) 373-4425'];
    const raw = texts.join('');
    const joined = joinRun(texts);
    const found = findPhoneNumbers(joined.text, { defaultCountry: 'US' });
    expect(found.map((m) => m.e164)).toEqual(['+12133734414', '+13103734425']);
    expect(found.map((m) => raw.slice(joined.toRaw(m.start), joined.toRaw(m.end)))).toEqual(['(213) 373-4414', '(310) 373-4425']);
  });

  test('a run the page labels as a phone number elsewhere reads with the label first, and maps back past it', () => {
    const texts = ['0207', '9460018'];
    const joined = joinRun(texts, true);
    expect(joined.text).toBe('Tel: 02079460018');
    const found = findPhoneNumbers(joined.text, { defaultCountry: 'GB' });
    expect(found.map((m) => m.e164)).toEqual(['+442079460018']);
    expect(found.map((m) => texts.join('').slice(joined.toRaw(m.start), joined.toRaw(m.end)))).toEqual(['02079460018']);
    // Without the label, a bare digit run is an ID as often as a number.
    expect(findPhoneNumbers(joinRun(texts).text, { defaultCountry: 'GB' })).toEqual([]);
  });

  test('long runs are cut at a line break into pieces that keep every number whole', () => {
    const line = 'Support desk, weekdays 9 to 5: (213) 373-4253\n';
    const text = line.repeat(1000);
    const pieces = cutRun(text);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.text.length <= 16_000)).toBe(true);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    for (const p of pieces) expect(text.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
    const numbers = pieces.flatMap((p) => findPhoneNumbers(p.text, { defaultCountry: 'US' }));
    expect(numbers).toHaveLength(1000);
  });
});

test('a long run without line breaks is cut between words, never inside a number', () => {
  const text = 'Call the desk at (213) 373-4253 or the office. '.repeat(800);
  const pieces = cutRun(text);
  expect(pieces.length).toBeGreaterThan(1);
  expect(pieces.map((p) => p.text).join('')).toBe(text);
  expect(pieces.flatMap((p) => findPhoneNumbers(p.text, { defaultCountry: 'US' }))).toHaveLength(800);
});
