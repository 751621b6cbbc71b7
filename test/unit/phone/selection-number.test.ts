import { describe, expect, test } from 'vitest';
import { selectionNumber } from '../../../src/phone/selection-number';

describe('the number a selection holds (context menu title, "call the selection" shortcut)', () => {
  test.each([
    ['+44 20 7946 0958', 'GB', '+442079460958', 'Call +44 20 7946 0958'],
    ['020 7946 0958', 'GB', '+442079460958', 'Call +44 20 7946 0958'],
    ['  Tel.: 020 7946 0958 ', 'GB', '+442079460958', 'Call +44 20 7946 0958'],
    ['(213) 373-4253', 'US', '+12133734253', 'Call +1 213 373 4253'],
    ['+1 213-373-4253 ext. 204', 'US', '+12133734253', 'Call +1 213 373 4253 ext. 204'],
    ['030 12345678', 'DE', '+493012345678', 'Call +49 30 12345678'],
  ])('%s (%s) → %s', (text, country, e164, title) => {
    const number = selectionNumber(text, country);
    expect(number?.e164).toBe(e164);
    expect(`Call ${number?.label}`).toBe(title);
  });

  test.each([
    [''],
    ['Contact'],
    ['2024-05-01'],
    ['Order 123456789'],
    ['Call +44 20 7946 0958 or +1 213 373 4253'],
    ['x'.repeat(70) + ' +44 20 7946 0958'],
  ])('no number: %s', (text) => {
    expect(selectionNumber(text, 'GB')).toBeUndefined();
  });
});
