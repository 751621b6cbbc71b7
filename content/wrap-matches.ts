import type { LinkMatch } from '../src/phone/phone-match';
import type { LinkStyle } from '../src/settings/defaults';
import { recordLink, recordReplacement, type LinkTarget } from './link-registry';

const SPACE = /\s/;

/** A run's links, made but not yet in the page: for each of its text nodes, the nodes that go before it. */
export interface PreparedWrap {
  style: LinkStyle;
  pieces: Array<{ original: Text; inserted: ChildNode[] }>;
}

/**
 * Makes the links that replace the matched parts of a run's text nodes, piece by piece, without touching the page
 * (`texts` are its nodes' texts as scanned; {@link applyWrap} puts them in): a number split over several text nodes
 * gets one link per node, all with the same `data-dialable`, the later ones marked `data-dialable-part`. The visible
 * text is unchanged: every character ends up in a text node or a link, in the same order. A smaller page's wrap prepares
 * while it waits for the background, so that its DOM writes — after which every frame relayouts the changed part
 * of the page — are only insertions, and fit into as few frames as possible. Links are shallow clones of one
 * prototype per document and style: every DOM call from the content script's world costs a binding crossing.
 */
export function prepareWrap(nodes: Text[], texts: readonly string[], matches: LinkMatch[], style: LinkStyle): PreparedWrap {
  const pieces: PreparedWrap['pieces'] = [];
  const first = nodes[0];
  if (first === undefined) return { style, pieces };
  // One lookup per run: 10,000 runs make 10,000 links in a few tasks, and every DOM call crosses a binding.
  const doc = first.ownerDocument;
  const proto = linkPrototype(doc, style);
  /** Matches that already have a link in an earlier node (only a number split over nodes has more than one). */
  let started: Set<LinkMatch> | undefined;
  let base = 0;
  for (let n = 0; n < nodes.length; n++) {
    const original = nodes[n] as Text;
    const data = texts[n] ?? '';
    const end = base + data.length;
    const inserted: ChildNode[] = [];
    let cursor = 0;
    for (const match of matches) {
      if (match.end <= base || match.start >= end) continue;
      const [s, e] = trimmed(data, Math.max(match.start, base) - base, Math.min(match.end, end) - base);
      if (s >= e) continue;
      if (s > cursor) inserted.push(doc.createTextNode(data.slice(cursor, s)));
      const isPart = started?.has(match) ?? false;
      const link = createLink(proto, match, isPart, data.slice(s, e));
      recordLink(link, original, targetOf(match));
      if (nodes.length > 1) (started ??= new Set()).add(match);
      inserted.push(link);
      cursor = e;
    }
    if (inserted.length > 0) {
      if (cursor < data.length) inserted.push(doc.createTextNode(data.slice(cursor)));
      pieces.push({ original, inserted });
    }
    base = end;
  }
  return { style, pieces };
}

/**
 * Puts prepared links into the page: the new nodes go before each original text node, which stays in place,
 * emptied (see link-registry). The caller has checked that the nodes still hold the texts they were prepared from.
 */
export function applyWrap({ pieces }: PreparedWrap): void {
  for (const { original, inserted } of pieces) {
    const parent = original.parentNode;
    if (parent === null) continue;
    if (inserted.length === 1) parent.insertBefore(inserted[0] as ChildNode, original);
    else for (const node of inserted) parent.insertBefore(node, original);
    original.data = '';
    recordReplacement(original, inserted);
  }
}

/** `data.slice(s, e)` without the white space at either end, as [start, end]. */
function trimmed(data: string, s: number, e: number): [number, number] {
  while (s < e && SPACE.test(data.charAt(s))) s++;
  while (e > s && SPACE.test(data.charAt(e - 1))) e--;
  return [s, e];
}

/** What a link dials, as its own object: the match carries more than a click or the menu may hand on. */
function targetOf(match: LinkMatch): LinkTarget {
  return match.ext === undefined ? { e164: match.e164 } : { e164: match.e164, ext: match.ext };
}

const prototypes = new WeakMap<Document, Map<LinkStyle, HTMLAnchorElement>>();

/** The document's link prototype for `style`: links are shallow clones (one native call for the shared attribute). */
function linkPrototype(doc: Document, style: LinkStyle): HTMLAnchorElement {
  let byStyle = prototypes.get(doc);
  if (byStyle === undefined) prototypes.set(doc, (byStyle = new Map()));
  let proto = byStyle.get(style);
  if (proto === undefined) {
    proto = doc.createElement('a');
    proto.setAttribute('data-dialable-style', style);
    byStyle.set(style, proto);
  }
  return proto;
}

/** A new link holding `text`, cloned from `proto`. */
function createLink(proto: HTMLAnchorElement, match: LinkMatch, isPart: boolean, text: string): HTMLAnchorElement {
  const link = proto.cloneNode(false) as HTMLAnchorElement;
  link.setAttribute('href', match.href);
  link.setAttribute('title', match.title);
  link.setAttribute('data-dialable', match.e164);
  if (match.ext !== undefined) link.setAttribute('data-ext', match.ext);
  if (isPart) link.setAttribute('data-dialable-part', '');
  link.textContent = text;
  return link;
}
