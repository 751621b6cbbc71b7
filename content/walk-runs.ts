import { hasCandidate } from '../src/phone/has-candidate';
import { INLINE, SKIPPED, isEditable } from './dom-rules';
import { SCRIPT_DIGIT_RANGES } from '../src/phone/script-digits';

/** A run: consecutive text nodes not separated by a block boundary, with the text they held when seen. */
export interface Run {
  nodes: Text[];
  texts: string[];
  /** The page labels the run as a phone number outside its own text (see labelledAsPhone). */
  phoneLabel?: boolean;
}

/** A digit as hasCandidate counts them: ASCII or of another script (see SCRIPT_DIGIT_RANGES). */
const DIGIT = new RegExp(`[0-9${SCRIPT_DIGIT_RANGES}]`);

/**
 * Walks `root` in document order and reports every run that may hold a phone number ({@link hasCandidate}), plus
 * every open shadow root it meets; digit-holding text nodes go into `seen`. Used on blocks that hold a digit
 * (see scan-text.ts), where assembling runs across inline markup needs the elements. A manual firstChild/nextSibling walk rather than a TreeWalker: it tells us when we
 * *leave* an element, which is where block boundaries end runs, and it skips whole subtrees without a filter callback.
 * Cost on a page without digits: one regex test per text node on top of the bare walk.
 */
export function walkRuns(root: Node, onRun: (run: Run) => void, onShadowRoot: (root: ShadowRoot) => void, seen?: Set<Text>): void {
  let nodes: Text[] = [];
  let hasDigit = false;

  const flush = (): void => {
    if (hasDigit) {
      const texts = nodes.map((n) => n.data);
      if (hasCandidate(texts.join(''))) {
        onRun({ nodes, texts });
        nodes = [];
      }
    }
    nodes.length = 0;
    hasDigit = false;
  };

  let node: Node | null = root.firstChild;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      nodes.push(text);
      if (DIGIT.test(text.data)) {
        hasDigit = true;
        seen?.add(text);
      }
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      const name = el.localName;
      if (SKIPPED.has(name) || isEditable(el)) {
        flush();
      } else {
        if (!INLINE.has(name)) flush();
        const shadow = el.shadowRoot;
        if (shadow !== null) onShadowRoot(shadow);
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until there is a next sibling; leaving a non-inline element ends the run.
    while (node !== root && node !== null && node.nextSibling === null) {
      node = node.parentNode;
      if (node === root || node === null) break;
      if (!INLINE.has((node as Element).localName)) flush();
    }
    if (node === root || node === null) break;
    node = node.nextSibling;
  }
  flush();
}
