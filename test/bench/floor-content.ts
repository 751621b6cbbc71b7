/**
 * The floor baseline's content script (bundled by floor-extension.ts): the least a linkifier of Dialable's design
 * does on a page — read the body's text once, run Dialable's own cheap candidate search over it, ask its background
 * once (which is where the phone library would run), then walk the text nodes by length and wrap each candidate
 * that lies inside one text node in a link. No settings, no mutation observer, no shadow roots, no skipped areas.
 */
import { candidateSpans } from '../../src/phone/has-candidate';

const body = document.body;
const text = body.textContent ?? '';
const spans = candidateSpans(text);
if (spans.length > 0) {
  const pieces: string[] = [];
  for (let i = 0; i < spans.length; i += 2) pieces.push(text.slice(spans[i] as number, spans[i + 1] as number));
  void chrome.runtime.sendMessage({ pieces }).then(() => link(body, spans));
}

function link(root: HTMLElement, offsets: number[]): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const hits: [Text, number, number][] = [];
  let position = 0;
  let i = 0;
  for (let node = walker.nextNode() as Text | null; node !== null && i < offsets.length; node = walker.nextNode() as Text | null) {
    const end = position + node.length;
    for (; i < offsets.length && (offsets[i] as number) < end; i += 2) {
      const start = offsets[i] as number;
      const stop = offsets[i + 1] as number;
      if (stop <= end) hits.push([node, start - position, stop - start]);
    }
    position = end;
  }
  // From the last so that splitting a node leaves the offsets of earlier hits in it valid.
  for (const [node, start, length] of hits.reverse()) {
    const piece = node.splitText(start);
    piece.splitText(length);
    const a = document.createElement('a');
    a.href = `tel:${piece.data}`;
    a.dataset['dialable'] = piece.data;
    a.title = piece.data;
    piece.replaceWith(a);
    a.append(piece);
  }
}
