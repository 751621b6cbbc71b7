import { SCRIPT_DIGIT_RANGES, scriptDigit } from './script-digits';

/** Text ready for libphonenumber, and for each of its characters the index in the raw text it came from. */
export interface CleanText {
  text: string;
  /** `offsets[i]` is the raw index of clean character i; `offsets[text.length]` is the raw length. */
  offsets: number[];
}

/** Every character cleanText changes or removes: text without any of them comes back as it is. */
const ODD = new RegExp(
  `[\\u00A0\\u00AD\\u061C\\u1680\\u2000-\\u200F\\u2010-\\u2015\\u2028-\\u202F\\u205F-\\u2069\\u2212\\u3000\\uFEFF\\uFF08\\uFF09\\uFF0B\\uFF0D-\\uFF0F${SCRIPT_DIGIT_RANGES}]`,
);

/**
 * Maps the odd characters pages write numbers with onto what libphonenumber reads, keeping a map back to the raw
 * text: digits of other scripts (Arabic-Indic, Persian, Devanagari, fullwidth; see scriptDigit), ＋ and （ ） → ASCII;
 * every kind of space → ' '; U+2010–U+2015 and U+2212 → '-'; soft hyphens, zero-width characters and bidi marks
 * (the Arabic letter mark too) are removed (they sit inside numbers copied from word processors and RTL text). One
 * character never becomes two, so a match in the clean text maps back onto exactly the raw characters it came from.
 */
export function cleanText(raw: string): CleanText {
  if (!ODD.test(raw)) return { text: raw, offsets: Array.from({ length: raw.length + 1 }, (_, i) => i) };
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    const clean = cleanChar(code);
    if (clean === '') continue;
    chars.push(clean ?? raw.charAt(i));
    offsets.push(i);
  }
  offsets.push(raw.length);
  return { text: chars.join(''), offsets };
}

/** The replacement for one UTF-16 code unit: undefined keeps it, '' removes it. */
function cleanChar(code: number): string | undefined {
  const digit = scriptDigit(code);
  if (digit !== undefined) return digit;
  if (code === 0x00ad || code === 0x061c || code === 0xfeff || (code >= 0x200b && code <= 0x200f)) return '';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2069)) return '';
  if (code === 0x00a0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)) return ' ';
  if (code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000) return ' ';
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xff0d) return '-';
  switch (code) {
    case 0xff08:
      return '(';
    case 0xff09:
      return ')';
    case 0xff0b:
      return '+';
    case 0xff0e:
      return '.';
    case 0xff0f:
      return '/';
    default:
      return undefined;
  }
}
