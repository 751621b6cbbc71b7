import { describe, expect, test } from 'vitest';
import { formatAsYouType } from '../../../src/phone/format-as-you-type';

/** Types `text` into an empty field one character at a time, as a person does, caret always at the end. */
function typeInto(text: string, country: string): { text: string; caret: number } {
  let field = { text: '', caret: 0 };
  for (const ch of text) field = formatAsYouType({ text: field.text + ch, caret: field.caret + 1 }, country, field.text);
  return field;
}

describe('formatAsYouType formats numbers while they are typed', () => {
  test.each([
    ['2133734253', 'US', '(213) 373-4253'],
    ['+12133734253', 'US', '+1 213 373 4253'],
    ['011442079460958', 'US', '011 44 20 7946 0958'],
    ['00442079460958', 'GB', '00 44 20 7946 0958'],
    ['02079460958', 'GB', '020 7946 0958'],
    ['030123456', 'DE', '030 123456'],
    ['+442079460958', 'DE', '+44 20 7946 0958'],
  ])('%s with %s → %s', (typed, country, shown) => {
    const field = typeInto(typed, country);
    expect(field.text).toBe(shown);
    expect(field.caret).toBe(shown.length);
  });

  test.each([
    ['204', 'US'],
    ['4711', 'DE'],
    ['sip:bob@example.com', 'US'],
    ['tel:+1-213-373-4253', 'US'],
    ['bob@example.com', 'US'],
    ['2133734253 x204', 'US'],
    ['*72#', 'US'],
    ['+44 20 7946 0958;ext=12', 'GB'],
  ])('leaves %j alone (extensions, URIs, service codes)', (text, country) => {
    expect(formatAsYouType({ text, caret: text.length }, country)).toEqual({ text, caret: text.length });
  });

  test('an extension typed after the number: the number is formatted, the extension kept as typed', () => {
    expect(typeInto('2133734253 x204', 'US').text).toBe('(213) 373-4253 x204');
    expect(typeInto('02079460958 ext. 12', 'GB').text).toBe('020 7946 0958 ext. 12');
  });

  test('without a default country only international numbers are formatted', () => {
    expect(typeInto('+4930123456', '').text).toBe('+49 30 123456');
    expect(typeInto('030123456', '').text).toBe('030123456');
  });
});

describe('the caret stays after the digit it followed', () => {
  test('a digit typed in the middle', () => {
    // "(213) 373-425" with "9" typed after "213" (caret was at 5, after ")").
    const edit = formatAsYouType({ text: '(213)9 373-425', caret: 6 }, 'US', '(213) 373-425');
    expect(edit.text).toBe('(213) 937-3425');
    expect(edit.text.slice(0, edit.caret)).toBe('(213) 9');
  });

  test('Backspace over a formatting character removes the digit before it', () => {
    // Caret after ")" of "(213) 373-4253": Backspace removes ")", and with it the "3" it followed.
    const edit = formatAsYouType({ text: '(213 373-4253', caret: 4 }, 'US', '(213) 373-4253');
    expect(edit.text).toBe('(213) 734-253');
    expect(edit.text.slice(0, edit.caret)).toBe('(21');
  });

  test('Backspace at the end until it is an extension again', () => {
    let field = typeInto('213373', 'US');
    expect(field.text).toBe('(213) 373');
    field = formatAsYouType({ text: field.text.slice(0, -1), caret: field.text.length - 1 }, 'US', field.text);
    expect(field).toEqual({ text: '21337', caret: 5 });
  });

  test('a caret at the start stays there', () => {
    expect(formatAsYouType({ text: '2133734253', caret: 0 }, 'US')).toEqual({ text: '(213) 373-4253', caret: 0 });
  });
});
