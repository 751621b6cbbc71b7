import type { LinkMatch } from '../src/phone/phone-match';
import type { LinkStyle } from '../src/settings/defaults';
import { recordLink, recordReplacement, type LinkTarget } from './link-registry';

const SPACE = /\s/;

/**
 * Replaces the matched parts of a run's text nodes with links, piece by piece: a number split over several text
 * nodes gets one link per node, all with the same `data-dialable`, the later ones marked `data-dialable-part`.
 * The visible text is unchanged: every character ends up in a text node or a link, in the same order.
 * Returns the links it made.
 *
 * The hot path of a bulk wrap (a 10,000-row table): links are shallow clones of one prototype per document and
 * style, and a number that is its text node's whole text (a table cell) takes a shorter way — every DOM call from
 * the content script's world costs a binding crossing.
 */
export function wrapMatches(nodes: Text[], matches: LinkMatch[], style: LinkStyle): HTMLAnchorElement[] {
  const only = nodes.length === 1 && matches.length === 1 ? wrapWhole(nodes[0] as Text, matches[0] as LinkMatch, style) : undefined;
  if (only !== undefined) return [only];
  const links: HTMLAnchorElement[] = [];
  const started = new Set<LinkMatch>();
  let base = 0;
  for (const original of nodes) {
    const data = original.data;
    const end = base + data.length;
    const doc = original.ownerDocument;
    const inserted: ChildNode[] = [];
    let cursor = 0;
    for (const match of matches) {
      if (match.end <= base || match.start >= end) continue;
      const [s, e] = trimmed(data, Math.max(match.start, base) - base, Math.min(match.end, end) - base);
      if (s >= e) continue;
      if (s > cursor) inserted.push(doc.createTextNode(data.slice(cursor, s)));
      const link = createLink(doc, match, started.has(match), style, data.slice(s, e));
      recordLink(link, original, targetOf(match));
      started.add(match);
      inserted.push(link);
      links.push(link);
      cursor = e;
    }
    if (inserted.length > 0) {
      if (cursor < data.length) inserted.push(doc.createTextNode(data.slice(cursor)));
      const parent = original.parentNode;
      if (parent) {
        for (const node of inserted) parent.insertBefore(node, original);
        original.data = '';
        recordReplacement(original, inserted);
      }
    }
    base = end;
  }
  return links;
}

/** One match that is all of one text node's text but surrounding spaces; undefined when it is not that case. */
function wrapWhole(original: Text, match: LinkMatch, style: LinkStyle): HTMLAnchorElement | undefined {
  const data = original.data;
  if (match.start > 0 || match.end < data.length) return undefined;
  const [s, e] = trimmed(data, 0, data.length);
  if (s > 0 || e < data.length) return undefined;
  const parent = original.parentNode;
  const link = createLink(original.ownerDocument, match, false, style, data);
  recordLink(link, original, targetOf(match));
  if (parent === null) return link;
  parent.insertBefore(link, original);
  original.data = '';
  recordReplacement(original, [link]);
  return link;
}

/** `data.slice(s, e)` without the white space at either end, as [start, end]. */
function trimmed(data: string, s: number, e: number): [number, number] {
  while (s < e && SPACE.test(data.charAt(s))) s++;
  while (e > s && SPACE.test(data.charAt(e - 1))) e--;
  return [s, e];
}

function targetOf(match: LinkMatch): LinkTarget {
  return match.ext === undefined ? { e164: match.e164 } : { e164: match.e164, ext: match.ext };
}

const prototypes = new WeakMap<Document, Map<LinkStyle, HTMLAnchorElement>>();

/** A new link holding `text`: a clone of the document's prototype for `style` (one native call for the shared attribute). */
function createLink(doc: Document, match: LinkMatch, isPart: boolean, style: LinkStyle, text: string): HTMLAnchorElement {
  let byStyle = prototypes.get(doc);
  if (byStyle === undefined) prototypes.set(doc, (byStyle = new Map()));
  let proto = byStyle.get(style);
  if (proto === undefined) {
    proto = doc.createElement('a');
    proto.setAttribute('data-dialable-style', style);
    byStyle.set(style, proto);
  }
  const link = proto.cloneNode(false) as HTMLAnchorElement;
  link.setAttribute('href', match.href);
  link.setAttribute('title', match.title);
  link.setAttribute('data-dialable', match.e164);
  if (match.ext !== undefined) link.setAttribute('data-ext', match.ext);
  if (isPart) link.setAttribute('data-dialable-part', '');
  link.textContent = text;
  return link;
}

