import { blockOf } from './text-scan';
import { NEAR_MARGIN, REACH_MARGIN } from './viewport-gate';
import { walkRuns, type Run } from './walk-runs';

/** Blocks held together under one pair of observed sentinels (their first and last). */
const GROUP = 16;
/** Steps down the middle of the viewport hit-tested after a jump, top and bottom edge included. */
const JUMP_POINTS = 12;
/** Groups made between two sweeps for ones the page removed. */
const SWEEP_EVERY = 256;

/** Neighbouring blocks of a large page, released together; `top`/`bottom` come with the first observer callback. */
interface Group {
  blocks: Element[];
  top?: number;
  bottom?: number;
}

/**
 * The blocks of a large page whose runs are found far from the viewport, held as they are — not sent to be matched,
 * no run kept — until they come near it; then they are walked again and their runs handed on. On a 10,000-row table
 * the load then costs the scan and one element per held number, instead of a message, an answer and a prepared
 * link for every number the user may never scroll to.
 *
 * Up to {@link GROUP} neighbouring blocks (siblings, or cells of neighbouring rows) share one group, and only the
 * group's first and last block are observed: an IntersectionObserver's cost grows with its targets, observing
 * alone cost ~10 µs a target, and it checks every target in every frame that scrolls or relayouts. Like
 * ViewportGate, two observers: coming within one screen ({@link NEAR_MARGIN}) triggers a release, which takes along
 * every group within three ({@link REACH_MARGIN}). A group taller than a screen (its sentinels' first rects say so)
 * could have the viewport between its sentinels with neither near, so its blocks are then observed one by one.
 * A block without a box is released at once (the user may reveal it without scrolling); nothing is released while
 * the page prints. Runs sit inside their block (a run never crosses a block boundary), and walking a block again
 * skips what is already linked (links are skipped elements), so a block released twice links nothing twice.
 */
export class HeldBlocks {
  private readonly sentinels = new Map<Element, Group>();
  /** The group of every held block, for the blocks a jump brings into view. */
  private groupOf = new WeakMap<Element, Group>();
  /** The page's scroll position at the last scroll event. */
  private scrollY = 0;
  private readonly inReach = new Set<Group>();
  private filling: Group | undefined;
  private near: IntersectionObserver | undefined;
  private reach: IntersectionObserver | undefined;
  private printing = false;
  private madeSinceSweep = 0;

  /**
   * @param released called with the runs of the blocks that came near, once per observer callback, or that a jump
   *   brought into view (`inView`).
   * @param onShadowRoot called with the open shadow roots met in them (a block held unwalked may host one).
   */
  constructor(
    private readonly doc: Document,
    private readonly released: (runs: Run[], inView: boolean) => void,
    signal: AbortSignal,
    private readonly onShadowRoot: (root: ShadowRoot) => void = () => undefined,
  ) {
    const view = doc.defaultView;
    view?.addEventListener('beforeprint', () => (this.printing = true), { signal });
    view?.addEventListener('afterprint', () => (this.printing = false), { signal });
    view?.addEventListener('scroll', () => this.scrolled(), { passive: true, signal });
  }

  /**
   * A jump of more than a screen (End, a click in the scrollbar, a link to an anchor): the held blocks now in view
   * are found by hit-testing and released at once. The scroll event comes in the frame that shows the jump, before
   * its rendering; the observers report after it, and an answer to what they release then misses the next frame too.
   * A smaller step was within the near margin before it, so its blocks are released already.
   */
  private scrolled(): void {
    const view = this.doc.defaultView;
    if (view === null || this.sentinels.size === 0) return;
    const y = view.scrollY;
    const height = view.innerHeight;
    const jumped = Math.abs(y - this.scrollY) > height;
    this.scrollY = y;
    if (!jumped || this.printing) return;
    const blocks: Element[] = [];
    for (let i = 0; i <= JUMP_POINTS; i++) {
      const hit = this.doc.elementFromPoint(view.innerWidth / 2, Math.min(height - 1, (i * height) / JUMP_POINTS));
      for (let at = hit; at !== null; at = at.parentElement) {
        const group = this.groupOf.get(at);
        if (group === undefined) continue;
        this.release(group, blocks);
        break;
      }
    }
    if (blocks.length > 0) this.released(runsOf(blocks, this.onShadowRoot), true);
  }

  /** Holds `run`'s block; false when it cannot be observed (the run should go on as usual). */
  hold(run: Run): boolean {
    const first = run.nodes[0];
    const block = first === undefined ? null : blockOf(first);
    if (block === null || block.nodeType !== Node.ELEMENT_NODE) return false;
    return this.holdBlock(block as Element);
  }

  /**
   * Holds a block element whose runs have not been looked for yet (a table row the scan stepped over whole): it is
   * walked when it comes near. False when it cannot be observed.
   */
  holdBlock(el: Element): boolean {
    if (typeof IntersectionObserver !== 'function') return false;
    const group = this.filling;
    const last = group?.blocks[group.blocks.length - 1];
    if (last === el) return true;
    if (group !== undefined && last !== undefined && group.blocks.length < GROUP && neighbours(last, el)) {
      group.blocks.push(el);
      this.groupOf.set(el, group);
      return true;
    }
    this.seal();
    this.filling = { blocks: [el] };
    this.groupOf.set(el, this.filling);
    return true;
  }

  /** Starts observing the group being filled (the scan pauses, or its neighbours ended). */
  seal(): void {
    const group = this.filling;
    this.filling = undefined;
    if (group === undefined) return;
    if (++this.madeSinceSweep > SWEEP_EVERY) this.sweep();
    const first = group.blocks[0] as Element;
    const last = group.blocks[group.blocks.length - 1] as Element;
    this.observe(first, group);
    if (last !== first) this.observe(last, group);
  }

  /** Forgets everything and stops observing. */
  clear(): void {
    this.near?.disconnect();
    this.reach?.disconnect();
    this.near = this.reach = this.filling = undefined;
    this.sentinels.clear();
    this.groupOf = new WeakMap();
    this.inReach.clear();
  }

  private observe(el: Element, group: Group): void {
    // The document itself as the root, so the margins apply in cross-origin frames too (see ViewportGate).
    this.reach ??= new IntersectionObserver((entries) => this.reached(entries), { root: this.doc, rootMargin: REACH_MARGIN });
    this.near ??= new IntersectionObserver((entries) => this.neared(entries), { root: this.doc, rootMargin: NEAR_MARGIN });
    this.sentinels.set(el, group);
    this.near.observe(el);
    this.reach.observe(el);
  }

  private reached(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const group = this.sentinels.get(entry.target);
      if (group === undefined) continue;
      if (entry.isIntersecting) this.inReach.add(group);
      else this.inReach.delete(group);
    }
  }

  private neared(entries: IntersectionObserverEntry[]): void {
    const blocks: Element[] = [];
    let trigger = false;
    for (const entry of entries) {
      const group = this.sentinels.get(entry.target);
      if (group === undefined) continue;
      const { top, bottom, width, height } = entry.boundingClientRect;
      if (entry.isIntersecting && !this.printing) trigger = true;
      else if (width === 0 && height === 0 && !entry.isIntersecting) this.release(group, blocks);
      else if (group.blocks.length > 1) this.measure(group, entry.target, top, bottom, entry.rootBounds?.height ?? 0);
    }
    if (trigger) {
      // The near ones first: they are what is about to show.
      for (const entry of entries) {
        const group = this.sentinels.get(entry.target);
        if (group !== undefined && entry.isIntersecting) this.release(group, blocks);
      }
      for (const group of this.inReach) this.release(group, blocks);
      this.inReach.clear();
    }
    if (blocks.length > 0) this.released(runsOf(blocks, this.onShadowRoot), false);
  }

  /** Notes where a sentinel is; a group found taller than a screen has its blocks observed one by one instead. */
  private measure(group: Group, target: Element, top: number, bottom: number, nearHeight: number): void {
    if (target === group.blocks[0]) group.top = top;
    else group.bottom = bottom;
    if (group.top === undefined || group.bottom === undefined) return;
    // The near root is the viewport grown by a screen above and below: a third of it is one screen.
    if (group.bottom - group.top <= nearHeight / 3) return;
    this.forget(group);
    for (const el of group.blocks) this.observe(el, { blocks: [el] });
  }

  private release(group: Group, into: Element[]): void {
    if (!this.forget(group)) return;
    for (const el of group.blocks) into.push(el);
  }

  /** Stops observing `group`'s sentinels; false when it was released already. */
  private forget(group: Group): boolean {
    const first = group.blocks[0] as Element;
    const last = group.blocks[group.blocks.length - 1] as Element;
    if (this.sentinels.get(first) !== group && this.sentinels.get(last) !== group) return false;
    for (const el of first === last ? [first] : [first, last]) {
      if (this.sentinels.get(el) !== group) continue;
      this.sentinels.delete(el);
      this.near?.unobserve(el);
      this.reach?.unobserve(el);
    }
    this.inReach.delete(group);
    return true;
  }

  /** Drops the groups the page removed (a single-page app replacing a large table again and again). */
  private sweep(): void {
    this.madeSinceSweep = 0;
    for (const [el, group] of this.sentinels) if (!el.isConnected) this.forget(group);
  }
}

/** `next` follows `prev` with nothing between: the next sibling, or the same cell of the next row. */
function neighbours(prev: Element, next: Element): boolean {
  if (next.previousElementSibling === prev) return true;
  const row = next.parentElement;
  return row !== null && row.previousElementSibling === prev.parentElement && row.localName === 'tr';
}

/** The runs of `blocks`, each block walked once (one inside another is walked with it). */
function runsOf(blocks: Element[], onShadowRoot: (root: ShadowRoot) => void): Run[] {
  const set = new Set(blocks);
  const runs: Run[] = [];
  for (const block of set) {
    if (!block.isConnected || hasAncestorIn(block, set)) continue;
    const shadow = block.shadowRoot;
    if (shadow !== null) onShadowRoot(shadow);
    walkRuns(block, (run) => runs.push(run), onShadowRoot);
  }
  return runs;
}

function hasAncestorIn(node: Node, set: Set<Element>): boolean {
  for (let p = node.parentElement; p !== null; p = p.parentElement) if (set.has(p)) return true;
  return false;
}
