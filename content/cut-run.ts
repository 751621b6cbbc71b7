/** Characters per text sent (below SCAN_LIMITS.chars); longer runs go in pieces cut at a line break or space. */
const PIECE = 16_000;

/**
 * Cuts a long run text into pieces of at most PIECE characters, at a line break, or else at a space between two
 * words, so that no number is cut in two.
 */
export function cutRun(text: string): Array<{ text: string; offset: number }> {
  if (text.length <= PIECE) return [{ text, offset: 0 }];
  const pieces: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  while (offset < text.length) {
    let end = Math.min(offset + PIECE, text.length);
    if (end < text.length) {
      const cut = cutPoint(text.slice(offset + PIECE / 2, end));
      if (cut >= 0) end = offset + PIECE / 2 + cut;
    }
    pieces.push({ text: text.slice(offset, end), offset });
    offset = end;
  }
  return pieces;
}

const BETWEEN_WORDS = /\p{L}\s+(?=\p{L})/gu;

/** Where to end a piece inside `window`: after its last line break, or after a space between words; -1 if neither. */
function cutPoint(window: string): number {
  const line = window.lastIndexOf('\n');
  if (line >= 0) return line + 1;
  let last = -1;
  for (const m of window.matchAll(BETWEEN_WORDS)) last = m.index + m[0].length;
  return last;
}
