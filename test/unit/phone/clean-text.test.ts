import { describe, expect, test } from 'vitest';
import { cleanText } from '../../../src/phone/clean-text';

/** [raw, clean text, offsets (index in raw of each clean character, then raw.length)]. */
const ROWS: Array<[string, string, number[]]> = [
  ['', '', [0]],
  ['plain 123', 'plain 123', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
  ['\uff10\uff11', '01', [0, 1, 2]],
  ['\uff0b44', '+44', [0, 1, 2, 3]],
  ['\uff08\uff10\uff13\uff09', '(03)', [0, 1, 2, 3, 4]],
  ['a\u00adb', 'ab', [0, 2, 3]],
  ['1\u200b2\u200c3\u200d4', '1234', [0, 2, 4, 6, 7]],
  ['\u20601\ufeff2', '12', [1, 3, 4]],
  ['1\u00a02\u202f3', '1 2 3', [0, 1, 2, 3, 4, 5]],
  ['1\u20092\u20033\u30004', '1 2 3 4', [0, 1, 2, 3, 4, 5, 6, 7]],
  ['1\u20102\u20113\u20124\u20135\u20146\u20157\u22128', '1-2-3-4-5-6-7-8', Array.from({ length: 16 }, (_, i) => i)],
  ['\u00ad\u00ad1', '1', [2, 3]],
  ['1\u00ad\u00ad', '1', [0, 3]],
  ['\u00ad', '', [1]],
  ['\u200e+972 3\u200f-123', '+972 3-123', [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]],
  ['\u2066030\u2069', '030', [1, 2, 3, 5]],
  ['Tel.\u00a0\uff10\uff13\u2010\u00ad\uff11\uff12', 'Tel. 03-12', [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11]],
  ['+٤٤ ٢٠', '+44 20', [0, 1, 2, 3, 4, 5, 6]],
  ['۰۲۱-۸۸', '021-88', [0, 1, 2, 3, 4, 5, 6]],
  ['०८०/२३', '080/23', [0, 1, 2, 3, 4, 5, 6]],
  ['٠٤\u061c ٢٣', '04 23', [0, 1, 3, 4, 5, 6]],
];

describe('cleanText maps odd characters and keeps a map back to the raw text', () => {
  test.each(ROWS)('%j → %j', (raw, text, offsets) => {
    expect(cleanText(raw)).toEqual({ text, offsets });
  });

  test('every clean character comes from the raw character its offset names', () => {
    for (const [raw] of ROWS) {
      const clean = cleanText(raw);
      expect(clean.offsets).toHaveLength(clean.text.length + 1);
      expect(clean.offsets.at(-1)).toBe(raw.length);
      for (let i = 1; i < clean.offsets.length; i++) expect(clean.offsets[i]).toBeGreaterThan(clean.offsets[i - 1] as number);
    }
  });
});
