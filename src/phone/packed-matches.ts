import type { LinkMatch } from './phone-match';
import { telHref } from './tel-href';

/**
 * `page:scan`'s reply on the wire: every match of a batch in one flat array of strings and numbers, six entries a
 * match — index of its text, start, end, E.164, extension ('' for none), tooltip. Extension messaging copies each
 * value across processes; nested objects with keys cost several times more than flat primitives (a 10,000-number
 * page sends 10,000 matches), and the href is rebuilt from the number instead of sent.
 */
export type PackedMatches = Array<string | number>;

const FIELDS = 6;

export function packMatches(matches: readonly (readonly LinkMatch[])[]): PackedMatches {
  const packed: PackedMatches = [];
  matches.forEach((list, i) => {
    for (const m of list) packed.push(i, m.start, m.end, m.e164, m.ext ?? '', m.title);
  });
  return packed;
}

/**
 * The matches of `count` texts back from {@link packMatches}; undefined when `packed` is not in that shape (an
 * answer from another version of the extension, say), so the caller can treat it as no answer.
 */
export function unpackMatches(packed: unknown, count: number): LinkMatch[][] | undefined {
  if (!Array.isArray(packed) || packed.length % FIELDS !== 0) return undefined;
  const matches: LinkMatch[][] = Array.from({ length: count }, () => []);
  for (let k = 0; k < packed.length; k += FIELDS) {
    const [i, start, end, e164, ext, title] = [packed[k], packed[k + 1], packed[k + 2], packed[k + 3], packed[k + 4], packed[k + 5]] as unknown[];
    if (typeof i !== 'number' || typeof start !== 'number' || typeof end !== 'number') return undefined;
    if (typeof e164 !== 'string' || typeof ext !== 'string' || typeof title !== 'string') return undefined;
    const list = matches[i];
    if (list === undefined) return undefined;
    list.push(ext === '' ? { start, end, e164, href: telHref(e164), title } : { start, end, e164, ext, href: telHref(e164, ext), title });
  }
  return matches;
}
