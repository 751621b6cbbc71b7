import { hasCandidate } from '../src/phone/has-candidate';
import { INLINE, SKIPPED, isEditable, isInsideSkipped } from './dom-rules';
import { walkRuns, type Run } from './walk-runs';

const DIGIT = /[0-9\uFF10-\uFF19]/;

/**
 * A resumable scan of one container for runs that may hold a phone number — the hot path on every page.
 *
 * 1. What to walk. A container the page changed: one `textContent` read (a single native string build, no node
 *    wrappers in the content script's world) and one regex test — without six digits in a row (give or take
 *    separators) it holds no number and is never walked. A whole document: its body's children are read one by
 *    one instead (after going down any chain of single wrappers, `<div id="app">`, which costs nothing), and only
 *    the children that hold a candidate are walked; runs never cross a block child, and an inline child is kept
 *    for any digit, as its digits may join its neighbours'. A page without numbers costs one read of its text
 *    either way; a page with a few numbers among many dates and prices is walked in part (the typical article:
 *    ~14 ms instead of ~27 ms in a fresh isolated world, where every node the walk touches needs a new wrapper).
 * 2. A native TreeWalker over text nodes only, one regex test per node; a digit-holding node's block is checked
 *    (skipped or editable areas) and walked by {@link walkRuns} to assemble runs across inline markup.
 *
 * {@link step} works until its `hasTime` says stop, so a 10,000-row table is walked over several idle slices
 * instead of one long task. The TreeWalker is live: if the page removes the node it stopped at, the scan starts
 * over (runs already linked sit inside our links, which are skipped).
 */
export class TextScan {
  /** What is left to walk, in document order: elements (walked with a TreeWalker) and digit-holding text nodes. */
  private parts: Node[] | undefined;
  private nextPart = 0;
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
    if (this.parts === undefined) {
      const parts = this.plan();
      if (parts === null) return (this.done = true);
      this.parts = parts;
    } else if (this.walker !== undefined && !this.walker.currentNode.isConnected) {
      this.walker.currentNode = this.walker.root;
    }
    const parts = this.parts;
    // Checking the clock every node would cost more than the test itself.
    for (let n = 0; ; n++) {
      if ((n & 63) === 63 && !hasTime()) return false;
      let node: Node | null;
      if (this.walker !== undefined) {
        node = this.walker.nextNode();
        if (node === null) {
          this.walker = undefined;
          continue;
        }
      } else {
        if (this.nextPart === parts.length) return (this.done = true);
        node = parts[this.nextPart++] as Node;
        if (node.nodeType !== Node.TEXT_NODE) {
          this.walker = (node.ownerDocument as Document).createTreeWalker(node, NodeFilter.SHOW_TEXT);
          continue;
        }
      }
      this.visit(node as Text);
    }
  }

  private visit(node: Text): void {
    const data = node.data;
    if (!DIGIT.test(data) || this.seen.has(node)) return;
    // Open means every ancestor up to the scan root is, so the block found below is too.
    const parent = node.parentNode;
    if (parent === null || !this.isOpen(parent)) return;
    // The common case in tables and lists: the number is its block's only text (`<td>213-373-4253</td>`).
    if (node.previousSibling === null && node.nextSibling === null && !INLINE.has((parent as Element).localName)) {
      if (hasCandidate(data)) this.onRun({ nodes: [node], texts: [data] });
      return;
    }
    const block = blockOf(node);
    if (block !== null) walkRuns(block, this.onRun, this.onShadowRoot, this.seen);
  }

  /** The parts to walk (see the class comment), or null when there is nothing to scan. */
  private plan(): Node[] | null {
    const root = scanRoot(this.root);
    if (root === null) return null;
    if (root.nodeType === Node.ELEMENT_NODE && this.root.nodeType === Node.DOCUMENT_NODE) return this.partsOf(root as Element);
    if (!hasCandidate(root.textContent ?? '')) return null;
    if (root.nodeType === Node.ELEMENT_NODE && isInsideSkipped(root as Element)) return null;
    this.open.add(root);
    return [root];
  }

  /** The children of `body` (or of the wrapper it comes down to) that may hold a number. */
  private partsOf(body: Element): Node[] {
    let el = body;
    for (let only = wrapped(el); only !== null; only = wrapped(el)) {
      this.open.add(el);
      el = only;
    }
    this.open.add(el);
    const parts: Node[] = [];
    for (let child = el.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (DIGIT.test((child as Text).data)) parts.push(child);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const c = child as Element;
        const name = c.localName;
        if (SKIPPED.has(name) || isEditable(c)) continue;
        const text = c.textContent ?? '';
        if (INLINE.has(name) ? DIGIT.test(text) : hasCandidate(text)) {
          this.open.add(c);
          parts.push(c);
        }
      }
    }
    return parts;
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

/**
 * The only child of a wrapper element — one element child that is a block, neither skipped nor editable, and no
 * digit in the text beside it — or null.
 */
function wrapped(el: Element): Element | null {
  const only = el.firstElementChild;
  if (only === null || only !== el.lastElementChild) return null;
  const name = only.localName;
  if (INLINE.has(name) || SKIPPED.has(name) || isEditable(only)) return null;
  for (let child = el.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE && DIGIT.test((child as Text).data)) return null;
  }
  return only;
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
