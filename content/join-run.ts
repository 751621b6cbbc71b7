import { SCRIPT_DIGIT_RANGES } from '../src/phone/script-digits';

const LETTER = /\p{L}/u;
/**
 * What the matcher reads before a run the page labels as a phone number elsewhere (a "Phone" column header, a
 * `<dt>Telefon</dt>`): as if the label stood before the number, so "02079460018" under it reads like "Tel: 0207…".
 */
export const PHONE_LABEL = 'Tel: ';
const NUMBER_START = new RegExp(`^[+(\\d\\uFF0B\\uFF08${SCRIPT_DIGIT_RANGES}]`);

/** A run's text as sent to be matched, and the way back from its positions to the page's text. */
export interface JoinedRun {
  text: string;
  /** The position in the run's own text (its text nodes joined) of position `pos` in {@link text}. */
  toRaw(pos: number): number;
}

/**
 * Joins a run's text nodes for matching, with a space where an element boundary glues a word to a number:
 * `<span class="role">Sales</span><span class="phone">(213) 373-4401</span>` in a flex row reads "Sales" and
 * "(213) 373-4401" on screen, but "Sales(213) 373-4401" in the DOM, and libphonenumber skips numbers glued to
 * letters. The page's text is never changed; only the matcher sees the space. With `labelled`, the text starts with
 * {@link PHONE_LABEL}, which maps back like the added spaces.
 */
export function joinRun(texts: readonly string[], labelled = false): JoinedRun {
  // Pieces joined once at the end, and the last character kept aside: reading the end of a string built with +=
  // flattens it, which made a run of thousands of tiny elements quadratic.
  const parts: string[] = [];
  let length = 0;
  let last = '';
  /** Positions in the joined text of the spaces we added, ascending. */
  const added: number[] = [];
  if (labelled) {
    parts.push(PHONE_LABEL);
    for (; length < PHONE_LABEL.length; length++) added.push(length);
    last = ' ';
  }
  for (const piece of texts) {
    if (piece.length === 0) continue;
    if (length > 0 && LETTER.test(last) && NUMBER_START.test(piece)) {
      added.push(length);
      parts.push(' ');
      length++;
    }
    parts.push(piece);
    length += piece.length;
    last = piece.charAt(piece.length - 1);
  }
  const text = parts.join('');
  if (added.length === 0) return { text, toRaw: (pos) => pos };
  return {
    text,
    // Binary search: a run of many tiny elements can add thousands of spaces, and every match asks twice.
    toRaw: (pos) => {
      let low = 0;
      let high = added.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((added[mid] as number) < pos) low = mid + 1;
        else high = mid;
      }
      return pos - low;
    },
  };
}
