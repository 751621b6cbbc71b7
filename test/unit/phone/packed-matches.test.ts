import { describe, expect, test } from 'vitest';
import { findLinkMatches } from '../../../src/phone/link-matches';
import { packMatches, unpackMatches } from '../../../src/phone/packed-matches';

describe('packed page:scan matches', () => {
  test('round trip: what the background found is what the content script wraps, href rebuilt', () => {
    const texts = ['Call 020 7946 0958 or 07911 123456', 'no number here', 'Sales: +1 213-373-4253 x204'];
    const found = [...findLinkMatches(texts.slice(0, 2), 'GB'), ...findLinkMatches(texts.slice(2), 'US')];
    expect(found.flat()).toHaveLength(3);
    const packed = packMatches(found);
    expect(packed.every((v) => typeof v === 'string' || typeof v === 'number')).toBe(true);
    expect(packed).toHaveLength(18);
    expect(unpackMatches(JSON.parse(JSON.stringify(packed)), texts.length)).toEqual(found);
    expect(unpackMatches(packed, 3)?.[2]?.[0]).toMatchObject({ e164: '+12133734253', ext: '204', href: 'tel:+12133734253;ext=204' });
  });

  test('texts without matches come back as empty lists', () => {
    expect(unpackMatches([], 2)).toEqual([[], []]);
  });

  test.each([
    ['not an array', { matches: [] }],
    ['a cut-off match', [0, 1, 2, '+442079460958', '']],
    ['a text index out of range', [5, 0, 13, '+442079460958', '', 'Call']],
    ['a number where a string belongs', [0, 0, 13, 442079460958, '', 'Call']],
    ['a string where a number belongs', [0, '0', 13, '+442079460958', '', 'Call']],
  ])('another shape (%s) is no answer', (_name, packed) => {
    expect(unpackMatches(packed, 1)).toBeUndefined();
  });
});
