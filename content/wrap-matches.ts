import type { LinkMatch } from '../src/phone/phone-match';
import type { LinkStyle } from '../src/settings/defaults';
import { recordLink, recordReplacement } from './link-registry';

const SPACE = /\s/;

/**
 * Replaces the matched parts of a run's text nodes with links, piece by piece: a number split over several text
 * nodes gets one link per node, all with the same `data-dialable`, the later ones marked `data-dialable-part`.
 * The visible text is unchanged: every character ends up in a text node or a link, in the same order.
 * Returns the links it made.
 */
export function wrapMatches(nodes: Text[], matches: LinkMatch[], style: LinkStyle): HTMLAnchorElement[] {
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
      let s = Math.max(match.start, base) - base;
      let e = Math.min(match.end, end) - base;
      while (s < e && SPACE.test(data[s] ?? '')) s++;
      while (e > s && SPACE.test(data[e - 1] ?? '')) e--;
      if (s >= e) continue;
      if (s > cursor) inserted.push(doc.createTextNode(data.slice(cursor, s)));
      const link = createLink(doc, match, started.has(match), style);
      link.append(doc.createTextNode(data.slice(s, e)));
      recordLink(link, original, match.ext === undefined ? { e164: match.e164 } : { e164: match.e164, ext: match.ext });
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

function createLink(doc: Document, match: LinkMatch, isPart: boolean, style: LinkStyle): HTMLAnchorElement {
  const link = doc.createElement('a');
  link.href = match.href;
  link.title = match.title;
  link.setAttribute('data-dialable', match.e164);
  if (match.ext !== undefined) link.setAttribute('data-ext', match.ext);
  if (isPart) link.setAttribute('data-dialable-part', '');
  link.setAttribute('data-dialable-style', style);
  return link;
}
