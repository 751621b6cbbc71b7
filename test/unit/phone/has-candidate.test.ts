import { describe, expect, test } from 'vitest';
import { hasCandidate } from '../../../src/phone/has-candidate';
import { POSITIVE_ROWS } from './positive-rows';

describe('hasCandidate, the cheap scan run on every text of every page', () => {
  test('is true for every string with a phone number in it (it never hides one)', () => {
    for (const [input] of POSITIVE_ROWS) expect(hasCandidate(input), input).toBe(true);
  });

  test.each([
    ['123456', true],
    ['12 34 56', true],
    ['12-34-56', true],
    ['(12) 3456', true],
    ['1.2.3.4.5.6', true],
    ['12/34/56', true],
    ['+1 (213) 373-4253', true],
    ['１２３４５６', true],
    ['１２\u00a0３４\u202f５６', true],
    ['12\u2009345\u20136', true],
    ['12\u00ad34\u200b56', true],
    ['123\u2212456', true],
    ['\u200e+972 3\u200f-123-4567', true],
    ['12 - 34 - 56', true],
    ['text before 0800 123 4567 and after', true],
    ['', false],
    ['Hello world', false],
    ['12345', false],
    ['a 1 b 2 c 3 d 4 e 5 f 6', false],
    ['12345 6', true],
    ['12:34:56', false],
    ['12,34,56', false],
    ['1234a56', false],
    ['March 15, 2024', false],
    ['v1.2.3', false],
    ['12     3456', false],
  ])('%j → %s', (input, expected) => {
    expect(hasCandidate(input)).toBe(expected);
  });
});
