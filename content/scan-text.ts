import { INLINE, SKIPPED_SELECTOR } from './dom-rules';
import { walkRuns, type Run } from './walk-runs';

const DIGIT = /[0-9\uFF10-\uFF19]/;
const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

/**
 * The hot path on every page: a native TreeWalker over text nodes only (no element wrappers are made in the
 * content script's world), one regex test per text node. Only a text node with a digit costs more: its block is
 * checked (skipped or editable areas) and walked by {@link walkRuns} to assemble runs across inline markup.
 * `seen` collects the digit-holding text nodes already walked, so a block is walked once.
 */
export function scanText(root: Node, onRun: (run: Run) => void, onShadowRoot: (root: ShadowRoot) => void): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const seen = new Set<Text>();
  for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
    if (!DIGIT.test(node.data) || seen.has(node)) continue;
    const block = blockOf(node);
    if (block === null) continue;
    if (block.nodeType === Node.ELEMENT_NODE) {
      const el = block as Element;
      if (el.closest(SKIPPED_SELECTOR) !== null || el.closest(EDITABLE) !== null) continue;
    }
    walkRuns(block, onRun, onShadowRoot, seen);
  }
}

/** The nearest ancestor that is not an inline element (or the root node of the tree). */
export function blockOf(node: Node): Node | null {
  let current = node.parentNode;
  while (current !== null && current.nodeType === Node.ELEMENT_NODE && INLINE.has((current as Element).localName)) {
    current = current.parentNode;
  }
  return current;
}

/**
 * Open shadow roots under `root`. Finding them means visiting every element, which costs as much as the whole text
 * scan, so it is done only for documents of moderate size; on larger ones shadow roots are found inside blocks that
 * hold numbers and in subtrees the page adds later.
 */
export function findShadowRoots(root: Document | ShadowRoot, onShadowRoot: (root: ShadowRoot) => void, maxElements = 5_000): void {
  const doc = root instanceof Document ? root : root.ownerDocument;
  if (doc.getElementsByTagName('*').length > maxElements) return;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.nextNode() as Element | null; el !== null; el = walker.nextNode() as Element | null) {
    const shadow = el.shadowRoot;
    if (shadow !== null) onShadowRoot(shadow);
  }
}
