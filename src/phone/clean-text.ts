/**
 * Maps the odd characters pages write numbers with onto what libphonenumber expects, keeping a map back to the raw
 * text: fullwidth digits and ＋ → ASCII, all kinds of spaces → ' ', U+2010–U+2015 and U+2212 → '-', and removes soft
 * hyphens and zero-width characters. `offsets[i]` is the raw index of clean character i; `offsets[text.length]` is
 * the raw length.
 */
export interface CleanText {
  text: string;
  offsets: number[];
}

const ODD = /[\u00A0\u00AD\u1680\u2000-\u200D\u2010-\u2015\u2028\u2029\u202F\u205F\u2060\u2212\u3000\uFEFF\uFF08\uFF09\uFF0B\uFF0D\uFF0E\uFF0F\uFF10-\uFF19]/;
const REMOVED = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;

function map(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
  if (SPACES.test(ch)) return ' ';
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xff0d) return '-';
  switch (code) {
    case 0xff0b:
      return '+';
    case 0xff08:
      return '(';
    case 0xff09:
      return ')';
    case 0xff0e:
      return '.';
    case 0xff0f:
      return '/';
    default:
      return ch;
  }
}

export function cleanText(raw: string): CleanText {
  if (!ODD.test(raw)) {
    const offsets = new Array<number>(raw.length + 1);
    for (let i = 0; i <= raw.length; i++) offsets[i] = i;
    return { text: raw, offsets };
  }
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (REMOVED.test(ch)) continue;
    text += map(ch);
    offsets.push(i);
  }
  offsets.push(raw.length);
  return { text, offsets };
}
