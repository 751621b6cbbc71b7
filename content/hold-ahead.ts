import { INLINE, SKIPPED, isEditable } from './dom-rules';

/** What a large page's scan asks of the blocks it holds (HeldBlocks). */
export interface HoldAhead {
  /** True while blocks should be held rather than walked: past the page's first few hundred runs. */
  active(): boolean;
  /** Takes `el` to be walked when it comes near the viewport; false when it cannot (it is walked now). */
  block(el: Element): boolean;
}

/**
 * Where a scan stands in its container's text: the current offset, the first candidate span not behind it, and the
 * length of the whole text as read.
 */
export interface ScanPosition {
  offset: number;
  span: number;
  length: number;
}

/**
 * Child elements above which a walk goes into an element rather than reading its text length: `textContent` copies
 * the whole subtree's text (slower per character than the walk), so a page's `main` or a long list is measured by its
 * children instead of as a whole and then again child by child. A lone child (a wrapper) is measured the same way.
 */
export const WIDE = 16;
/** Characters above which a block is gone into rather than held whole. */
const HOLD_MAX = 4096;
/** Gone into, never held whole: their rows and items are the blocks that come into view one after another. */
const GO_INTO = new Set(['body', 'main', 'article', 'section', 'table', 'thead', 'tbody', 'tfoot', 'ul', 'ol', 'dl']);
/** Table sections: the HTML parser moves text out of them, so their children are rows (and white space). */
const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);
/** Rows in a table section up to which its end is found by reading it rather than what follows it (see rowsOf). */
const FEW_ROWS = 256;
/** Rows held between two looks at the clock. */
const ROWS_PER_CHECK = 64;

/**
 * A large page's scan past its first few hundred runs: instead of visiting every text node, whole elements are
 * stepped over by their text length, and a block whose text holds a candidate is held as it is, no run made (one
 * `textContent` read for a paragraph instead of a visit to each of its text nodes). The rest of a table section is
 * measured with one Range and its rows are held without reading them at all (a row without a number is walked in
 * vain when it comes near, which costs less than reading ten thousand rows now). Resumable: rows left when the
 * slice ends are held first in the next one.
 */
export class HoldAheadWalk {
  /** The next row of a table section still to be held. */
  private row: Element | null = null;

  constructor(
    private readonly hold: HoldAhead,
    /** False when a node is, or is inside, a skipped or editable element (TextScan's cache of open elements). */
    private readonly isOpen: (node: Node) => boolean,
  ) {}

  get active(): boolean {
    return this.hold.active();
  }

  /** Table rows are waiting to be held (the clock ran out among them). */
  get pending(): boolean {
    return this.row !== null;
  }

  /** Holds the table rows left from an earlier slice while `hasTime`; false when some are still left. */
  holdRows(hasTime: () => boolean): boolean {
    for (let n = 1; this.row !== null; n++) {
      if (n % ROWS_PER_CHECK === 0 && !hasTime()) return false;
      const row = this.row;
      this.row = row.nextElementSibling;
      if (!SKIPPED.has(row.localName) && !isEditable(row)) this.hold.block(row);
    }
    return true;
  }

  /**
   * Steps from the nodes after `from` (inside `root`) over what holds no candidate and holds what does. Returns the
   * node where the text walk goes on (a text node with a candidate, an element to be walked, or where the clock ran
   * out), or null when nothing is left.
   */
  stepFrom(from: Node, root: Node, at: ScanPosition, spans: readonly number[], hasTime: () => boolean): Node | null {
    let next = following(from, root);
    for (let n = 1; next !== null; n++) {
      if ((n & 31) === 0 && !hasTime()) return next;
      while (at.span < spans.length && (spans[at.span + 1] as number) <= at.offset) at.span += 2;
      if (at.span === spans.length) return null;
      const isElement = next.nodeType === Node.ELEMENT_NODE;
      if (isElement) {
        const el = next as Element;
        const section = el.parentNode;
        if (section !== null && ROW_GROUPS.has((section as Element).localName) && this.isOpen(section)) {
          next = this.rowsOf(el, section as Element, root, at, spans);
          // Its rows now, so they are grouped together; the rest of them first thing in the next slice.
          if (!this.holdRows(hasTime)) return next;
          continue;
        }
        if (goesInto(el)) {
          next = el.firstChild;
          continue;
        }
      }
      const size = textLength(next);
      if ((spans[at.span] as number) >= at.offset + size || (isElement && this.held(next as Element, size))) {
        at.offset += size;
        next = following(next, root);
        continue;
      }
      if (!isElement || !next.hasChildNodes()) return next;
      next = next.firstChild;
    }
    return null;
  }

  /**
   * From `row` to the end of its table section: its rows are held when a candidate lies there. Where the section ends
   * in the text is read with one Range: over the rest of a section of a few rows; for a large one, over what follows
   * it, taken from the whole length (a large table is mostly at the end of what is left; what follows it is read by
   * the scan anyway). Reading what follows every small table of a long article would read the article again and again.
   */
  private rowsOf(row: Element, section: Element, root: Node, at: ScanPosition, spans: readonly number[]): Node | null {
    const range = row.ownerDocument.createRange();
    let end: number;
    if (section.childElementCount <= FEW_ROWS) {
      range.setStartBefore(row);
      range.setEnd(section, section.childNodes.length);
      end = at.offset + range.toString().length;
    } else {
      range.selectNodeContents(root);
      range.setStartAfter(section);
      end = at.length - range.toString().length;
    }
    if ((spans[at.span] as number) < end) this.row = row;
    at.offset = end;
    return following(section, root);
  }

  /** True when `el` (with a candidate in its text) is done with: skipped, editable, or held whole. */
  private held(el: Element, size: number): boolean {
    const name = el.localName;
    if (SKIPPED.has(name) || isEditable(el)) return true;
    // The parent's check is one lookup once its blocks' container is known to be open; the element's own is above.
    const parent = el.parentNode;
    if (INLINE.has(name) || size > HOLD_MAX || parent === null || !this.isOpen(parent)) return false;
    return this.hold.block(el);
  }
}

/** An open element to go into without reading its text: a list or table, a wrapper, or one with many children. */
function goesInto(el: Element): boolean {
  const name = el.localName;
  if (SKIPPED.has(name)) return false;
  const children = el.childElementCount;
  if (children !== 1 && children <= WIDE && !GO_INTO.has(name)) return false;
  return el.hasChildNodes() && !isEditable(el);
}

/** The first node after `node` and its descendants, inside `root`. */
export function following(node: Node, root: Node): Node | null {
  for (let at: Node | null = node; at !== null && at !== root; at = at.parentNode) {
    const sibling = at.nextSibling;
    if (sibling !== null) return sibling;
  }
  return null;
}

/** How much `node` adds to its container's `textContent` (comments and processing instructions add nothing). */
export function textLength(node: Node): number {
  switch (node.nodeType) {
    case Node.TEXT_NODE:
    case Node.CDATA_SECTION_NODE:
      return (node as Text).length;
    case Node.ELEMENT_NODE:
      return node.textContent?.length ?? 0;
    default:
      return 0;
  }
}
