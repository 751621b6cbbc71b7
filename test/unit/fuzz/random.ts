/** A small seeded PRNG (mulberry32): the same seed gives the same inputs on every run and machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
export const int = (rand: () => number, max: number): number => Math.floor(rand() * max);

/** Pieces phone-number text is made of, and the characters that break parsers. */
const ATOMS = [
  '0', '1', '2', '7', '9', '+', '+1', '+44', '00', '(', ')', '((', '-', '.', '/', ' ', '  ', '\u00A0', '\t', '\n', 'x', 'ext',
  '#', '*', ',', ';', ':', 'Tel', 'Fax', 'order', 'IBAN', '€', '$', '\uFF11', '\uFF0B', '\u0661', '\u0966', '\u00AD',
  '\u200B', '\u202E', '\u2066', '\uFEFF', '\uD800', '\uDC00', '😀', 'e\u0301', '\u0301\u0302\u0303', 'ß', 'İ', 'ﬀ',
  '𝟏', '🄁', '⑴', '①', '\u0000', '\u001F', '\u2028', 'a', 'Z', 'é', 'ж', '中', 'ا', ' call ', ' 213-373-4253 ',
];

/** A random string of `length` atoms: digits, separators, labels and hostile Unicode mixed. */
export function randomText(rand: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += rand() < 0.1 ? String.fromCharCode(int(rand, 0x10000)) : pick(rand, ATOMS);
  return out;
}

/** Runs libphonenumber is slowest on: digit groups and separators without a letter in sight. */
export const WORST_UNITS = ['12 ', '1-2 ', '12.', '(1) 2-3.4 /5 ', '1 '] as const;
export const worstText = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
