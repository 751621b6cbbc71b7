import { hasCandidate } from '../src/phone/has-candidate';
import { INLINE, SKIPPED, isEditable, isInsideSkipped } from './dom-rules';
import { walkRuns, type Run } from './walk-runs';

const DIGIT = /[0-9\uFF10-\uFF19]/;

/**
 * A resumable scan of one container for runs that may hold a phone number — the hot path on every page.
 *
 * 1. One `textContent` read of the container (a single native string build, no node wrappers in the content
 *    script's world) and one regex test: a container without six digits in a row (give or take separators) has
 *    no number, and is never walked. That is every page without a phone number, however large.
 * 2. Otherwise a native TreeWalker over text nodes only, one regex test per node; a digit-holding node's block is
 *    checked (skipped or editable areas) and walked by {@link walkRuns} to assemble runs across inline markup.
 *
 * {@link step} works until its `hasTime` says stop, so a 10,000-row table is walked over several idle slices
 * instead of one long task. The TreeWalker is live: if the page removes the node it stopped at, the scan starts
 * over (runs already linked sit inside our links, which are skipped).
 */
export class TextScan {
  private walker: TreeWalker | undefined;
  /** Digit-holding text nodes already walked as part of their block, so each block is walked once. */
  private readonly seen = new Set<Text>();
  /** Elements inside the scan root known to be neither skipped nor editable, nor inside such an element. */
  private readonly open = new Set<Node>();
  private done = false;

  constructor(
    private readonly root: Node,
    private readonly onRun: (run: Run) => void,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
  ) {}

  /** Scans until `hasTime()` is false; returns true once the whole container has been scanned. */
  step(hasTime: () => boolean): boolean {
    if (this.done) return true;
    if (this.walker === undefined) {
      const root = scanRoot(this.root);
      if (root === null || !hasCandidate(root.textContent ?? '')) return (this.done = true);
      if (root.nodeType === Node.ELEMENT_NODE && isInsideSkipped(root as Element)) return (this.done = true);
      this.open.add(root);
      this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
    } else if (!this.walker.currentNode.isConnected) {
      this.walker.currentNode = this.walker.root;
    }
    const walker = this.walker;
    // Checking the clock every node would cost more than the test itself.
    for (let n = 0; ; n++) {
      if ((n & 63) === 63 && !hasTime()) return false;
      const node = walker.nextNode() as Text | null;
      if (node === null) return (this.done = true);
      const data = node.data;
      if (!DIGIT.test(data) || this.seen.has(node)) continue;
      // Open means every ancestor up to the scan root is, so the block found below is too.
      const parent = node.parentNode;
      if (parent === null || !this.isOpen(parent)) continue;
      // The common case in tables and lists: the number is its block's only text (`<td>213-373-4253</td>`).
      if (node.previousSibling === null && node.nextSibling === null && !INLINE.has((parent as Element).localName)) {
        if (hasCandidate(data)) this.onRun({ nodes: [node], texts: [data] });
        continue;
      }
      const block = blockOf(node);
      if (block === null) continue;
      walkRuns(block, this.onRun, this.onShadowRoot, this.seen);
    }
  }

  /** False when `node` is, or is inside, a skipped or editable element (up to the scan root, checked at start). */
  private isOpen(node: Node): boolean {
    const path: Node[] = [];
    for (let current: Node | null = node; current !== null && !this.open.has(current); current = current.parentNode) {
      if (current.nodeType === Node.ELEMENT_NODE) {
        const el = current as Element;
        if (SKIPPED.has(el.localName) || isEditable(el)) return false;
      }
      path.push(current);
    }
    for (const p of path) this.open.add(p);
    return true;
  }
}

/** What to read and walk for a container: a document's body (its head holds nothing to link), else the node. */
function scanRoot(node: Node): Node | null {
  if (node.nodeType !== Node.DOCUMENT_NODE) return node;
  const doc = node as Document;
  return doc.body ?? doc.documentElement;
}

/** The nearest ancestor that is not an inline element (or the root node of the tree). */
export function blockOf(node: Node): Node | null {
  let current = node.parentNode;
  while (current !== null && current.nodeType === Node.ELEMENT_NODE && INLINE.has((current as Element).localName)) {
    current = current.parentNode;
  }
  return current;
}
