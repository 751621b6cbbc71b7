import type { CleanText } from './clean-text';
import { PHONE_WORD } from './context-words';

const GLUED_LABEL = String.raw`${PHONE_WORD}\.?(?=[\d+(])`;
const HAS_GLUED_LABEL = new RegExp(GLUED_LABEL, 'iu');
const GLUED_LABELS = new RegExp(GLUED_LABEL, 'giu');

/**
 * Puts a space between a phone word and the number glued to it, as markup leaves them: `<span>Tel</span>020 7946
 * 0960` reads "Tel020 7946 0960", and libphonenumber skips numbers glued to letters. Each inserted space maps to the
 * raw index of the character after it.
 */
export function separateLabels(clean: CleanText): CleanText {
  const { text, offsets } = clean;
  if (!HAS_GLUED_LABEL.test(text)) return clean;
  const spaced: string[] = [];
  // Appended in place: a text of many glued labels ("Tel1Tel1…") would otherwise copy the offsets once per label.
  const spacedOffsets: number[] = [];
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) spacedOffsets.push(offsets[i] as number);
  };
  let from = 0;
  for (const label of text.matchAll(GLUED_LABELS)) {
    const cut = label.index + label[0].length;
    spaced.push(text.slice(from, cut), ' ');
    copy(from, cut);
    spacedOffsets.push(offsets[cut] as number);
    from = cut;
  }
  spaced.push(text.slice(from));
  copy(from, offsets.length);
  return { text: spaced.join(''), offsets: spacedOffsets };
}
