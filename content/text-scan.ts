import { candidateSpans, hasCandidate } from '../src/phone/has-candidate';
import { INLINE, SKIPPED, isEditable, isInsideSkipped } from './dom-rules';
import { following, HoldAheadWalk, textLength, WIDE, type HoldAhead, type ScanPosition } from './hold-ahead';
import { walkRuns, type Run } from './walk-runs';
import { SCRIPT_DIGIT_RANGES } from '../src/phone/script-digits';

/** A digit as hasCandidate counts them: ASCII or of another script (see SCRIPT_DIGIT_RANGES). */
const DIGIT = new RegExp(`[0-9${SCRIPT_DIGIT_RANGES}]`);
/**
 * Characters of text before the next candidate above which the walk skips whole nodes by their text length
 * ({@link skipTo}) instead of visiting every text node: on a long article with a few numbers the text nodes between
 * them are most of the walk, and one `textContent` of a paragraph costs less than visiting its text nodes.
 */
const SKIP_GAP = 512;

/**
 * A resumable scan of one container for runs that may hold a phone number — the hot path on every page.
 *
 * 1. One `textContent` read of the container (a single native string build, no node wrappers in the content
 *    script's world) and one regex search for candidates (six digits in a row, give or take separators): a
 *    container without one has no number, and is never walked. That is every page without a phone number.
 * 2. Otherwise a native TreeWalker over text nodes only. While the page is unchanged since that read, text node
 *    lengths (an integer, no string) place each node in the container's text, and only nodes that overlap a
 *    candidate are read and regex-tested ({@link candidateSpans}); the walk ends after the last candidate.
 *    After a page change (`pageChanges` moved on between two steps) the offsets no longer hold, and every node is
 *    tested for a digit instead. A digit-holding node's block is checked (skipped or editable areas) and walked
 *    by {@link walkRuns} to assemble runs across inline markup.
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
  /** The walk has reached the end; only table rows to be held may be left (see HoldAheadWalk). */
  private walked = false;
  /** Candidate offsets in the container's text, while they still describe the page (see step 2 above). */
  private spans: number[] | undefined;
  /** Where the walker's current node ends in the container's text, and the first candidate span not behind it. */
  private readonly at: ScanPosition = { offset: 0, span: 0, length: 0 };
  /** A large page's stepping over whole blocks, holding them (see HoldAheadWalk). */
  private readonly ahead: HoldAheadWalk | undefined;
  private changesAtRead = 0;

  constructor(
    private readonly root: Node,
    private readonly onRun: (run: Run) => void,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
    /** A count of the page's own DOM changes, which moves on when the page mutates. */
    private readonly pageChanges: () => number = () => 0,
    hold?: HoldAhead,
  ) {
    this.ahead = hold && new HoldAheadWalk(hold, (node) => this.isOpen(node));
  }

  /** Scans until `hasTime()` is false; returns true once the whole container has been scanned. */
  step(hasTime: () => boolean): boolean {
    if (this.done) return true;
    if (this.walker === undefined) {
      const root = scanRoot(this.root);
      if (root === null) return (this.done = true);
      const text = root.textContent ?? '';
      const spans = candidateSpans(text);
      this.at.length = text.length;
      if (spans.length === 0) return (this.done = true);
      if (root.nodeType === Node.ELEMENT_NODE && isInsideSkipped(root as Element)) return (this.done = true);
      this.open.add(root);
      this.spans = spans;
      this.changesAtRead = this.pageChanges();
      // CDATA sections count in textContent (XML documents), so the walk must see them to keep the offsets.
      this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
    } else {
      if (this.pageChanges() !== this.changesAtRead) this.spans = undefined;
      if (!this.walker.currentNode.isConnected) {
        this.walker.currentNode = this.walker.root;
        this.spans = undefined;
      }
    }
    if (this.ahead !== undefined && !this.ahead.holdRows(hasTime)) return false;
    if (this.walked) return (this.done = true);
    const walker = this.walker;
    const spans = this.spans;
    const at = this.at;
    // Checking the clock every node would cost more than the test itself.
    for (let n = 0; ; n++) {
      if ((n & 63) === 63 && !hasTime()) return false;
      const node = walker.nextNode() as Text | null;
      if (node === null) return this.walkedAll(hasTime);
      if (spans !== undefined) {
        const start = at.offset;
        const end = (at.offset += node.length);
        while (at.span < spans.length && (spans[at.span + 1] as number) <= start) at.span += 2;
        if (at.span === spans.length) return this.walkedAll(hasTime);
        const next = spans[at.span] as number;
        if (next >= end) {
          if (this.ahead?.active === true) {
            const goOn = this.ahead.stepFrom(node, walker.root, at, spans, hasTime);
            if (goOn === null) return this.walkedAll(hasTime);
            this.place(goOn);
            // The clock ran out among a table's rows: the rest of them first, in the next slice.
            if (this.ahead.pending) return false;
          } else if (next - end > SKIP_GAP && !this.skipTo(node, next)) {
            return this.walkedAll(hasTime);
          }
          continue;
        }
      }
      if (node.nodeType !== Node.TEXT_NODE) continue;
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

  /**
   * Moves the walk past the nodes after `from` whose text ends before `target` (an offset in the container's text),
   * whole subtrees at a time, descending only into a node that holds `target`. The next `nextNode()` returns the
   * first text node of what is left. False when nothing is left.
   */
  private skipTo(from: Node, target: number): boolean {
    const walker = this.walker as TreeWalker;
    const root = walker.root;
    let next = following(from, root);
    while (next !== null) {
      if (next.nodeType === Node.ELEMENT_NODE && next.firstChild !== null) {
        const children = (next as Element).childElementCount;
        if (children === 1 || children > WIDE) {
          next = next.firstChild;
          continue;
        }
      }
      const size = textLength(next);
      if (this.at.offset + size <= target) {
        this.at.offset += size;
        next = following(next, root);
      } else if (size > SKIP_GAP && next.firstChild !== null) {
        next = next.firstChild;
      } else {
        break;
      }
    }
    if (next === null) return false;
    this.place(next);
    return true;
  }

  /** The walk has reached its end: done once no table rows are left to be held (see HoldAheadWalk). */
  private walkedAll(hasTime: () => boolean): boolean {
    this.walked = true;
    return (this.done = this.ahead === undefined || this.ahead.holdRows(hasTime));
  }

  /** Sets the walk so that its next `nextNode()` returns the first text node of `next` (or `next` itself). */
  private place(next: Node): void {
    const walker = this.walker as TreeWalker;
    if (next.nodeType === Node.TEXT_NODE || next.nodeType === Node.CDATA_SECTION_NODE) {
      // nextNode() goes past its current node: start from the text before this one (or from the root, when none is).
      walker.currentNode = next;
      if (walker.previousNode() === null) walker.currentNode = walker.root;
    } else {
      walker.currentNode = next;
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
