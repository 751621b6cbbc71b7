import { describe, expect, test } from 'vitest';
import { candidateSpans, hasCandidate } from '../../../src/phone/has-candidate';
import { POSITIVE_ROWS } from './positive-rows';
import { CONTEXT_CLASSES, REACH_POSITIVES } from './reach-positives';

describe('hasCandidate, the cheap scan run on every text of every page', () => {
  test('is true for every string with a phone number in it (it never hides one)', () => {
    for (const [input] of POSITIVE_ROWS) expect(hasCandidate(input), input).toBe(true);
    // Vanity numbers ("1-800-FLOWERS") are read from their label, not from six digits.
    for (const { cls, text, expected } of REACH_POSITIVES) {
      if (!CONTEXT_CLASSES.includes(cls)) for (const e of expected) expect(hasCandidate(e.text), text).toBe(true);
    }
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
    ['٠٢٠ ٧٩٤٦', true],
    ['+٤٤ ٢٠ ٧٩٤٦ ٠٠١٨', true],
    ['۰۲۱ ۸۸۷۷', true],
    ['०८० २३४५', true],
    ['٠٤\u061c ٢٣٤ ٥٦٧٨', true],
    ['٠١٢٣٤', false],
    ['१२:३४:५६', false],
    ['Call 1-800-FLOWERS', true],
    ['0800 REPAIRS', true],
    ['1-800-GO-FEDEX', true],
    ['1-800-GOT-JUNK', true],
    ['1-888-NEW-CARS', true],
    ['(800) FLOWERS', true],
    ['Route 66 EAST', false],
    ['1995 GMC', false],
    ['1-800-Flowers', false],
  ])('%j → %s', (input, expected) => {
    expect(hasCandidate(input)).toBe(expected);
  });
});

describe('candidateSpans', () => {
  test('the offsets of every candidate, left to right, none for text without one', () => {
    expect(candidateSpans('no digits, 12 34 and 2024')).toEqual([]);
    const text = 'call (213) 373-4253 or +44 20 7946 0958 today';
    const spans = candidateSpans(text);
    // Six digits each (the first six, then the next six from where the match ended), not whole numbers.
    const pieces = [];
    for (let i = 0; i < spans.length; i += 2) pieces.push(text.slice(spans[i], spans[i + 1]));
    expect(pieces).toEqual(['213) 373', '44 20 79', '46 0958']);
  });

  test('every substring that passes hasCandidate overlaps a span (the scan relies on it)', () => {
    const samples = ['٠٢٠ ٧٩٤٦ ٠٠١٨', '12 345 678 90', 'x1-2-3-4-5-6-7y', '2021 12 345678', '９８７６５４３２１０', 'a 12 34 56 b 78 90 12 c', '1.2.3.4.5.6', '213) 373-4253'];
    for (const text of samples) {
      const spans = candidateSpans(text);
      for (let a = 0; a < text.length; a++) {
        for (let b = a + 1; b <= text.length; b++) {
          if (!hasCandidate(text.slice(a, b))) continue;
          let overlaps = false;
          for (let i = 0; i < spans.length; i += 2) if ((spans[i] as number) < b && (spans[i + 1] as number) > a) overlaps = true;
          expect(overlaps, `${JSON.stringify(text.slice(a, b))} in ${JSON.stringify(text)}`).toBe(true);
        }
      }
    }
  });
});
