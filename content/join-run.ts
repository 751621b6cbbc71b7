const LETTER = /\p{L}/u;
const NUMBER_START = /^[+(\d\uFF0B\uFF08\uFF10-\uFF19]/;

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
 * letters. The page's text is never changed; only the matcher sees the space.
 */
export function joinRun(texts: readonly string[]): JoinedRun {
  let text = '';
  /** Positions in `text` of the spaces we added, ascending. */
  const added: number[] = [];
  for (const piece of texts) {
    if (piece.length === 0) continue;
    if (text.length > 0 && LETTER.test(text.charAt(text.length - 1)) && NUMBER_START.test(piece)) {
      added.push(text.length);
      text += ' ';
    }
    text += piece;
  }
  if (added.length === 0) return { text, toRaw: (pos) => pos };
  return {
    text,
    toRaw: (pos) => {
      let before = 0;
      while (before < added.length && (added[before] as number) < pos) before++;
      return pos - before;
    },
  };
}
