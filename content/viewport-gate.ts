/**
 * How far from the viewport a waiting container triggers a write: one screen. Scrolling (wheel, keys, Tab's
 * scroll to the focused link) reaches a number only by crossing this margin, so its link is made before it shows.
 */
export const NEAR_MARGIN = '100% 0px';
/**
 * What one write takes along once triggered: everything within three screens. On a page where any write costs a
 * relayout of a huge table, writing a few screens at a time means one such frame every two screens of scrolling
 * rather than one per frame while the user scrolls.
 */
export const REACH_MARGIN = '300% 0px';
/** The fewest containers added between two sweeps for removed ones (a sweep visits every waiting container). */
const SWEEP_EVERY = 1000;

/**
 * Holds the matched runs of a large page until their container comes near the viewport, so that a 10,000-row table
 * is linked where the user looks instead of all at once (each write costs a relayout of the changed part of the
 * page; the number of links in it costs layout objects on top). Two IntersectionObservers on the containers: the
 * near one says when to write, the reach one what to take along. A container without a box (display: none, or
 * `display: contents` whose children IntersectionObserver cannot see) is released at once: the user may reveal it
 * without scrolling. While the page prints nothing is released (printing links nothing new).
 */
export class ViewportGate<T> {
  private readonly waiting = new Map<Element, T[]>();
  private readonly inReach = new Set<Element>();
  private readonly released: T[] = [];
  private near: IntersectionObserver | undefined;
  private reach: IntersectionObserver | undefined;
  private printing = false;
  private waitingItems = 0;
  /** Containers added since the last sweep for ones the page removed. */
  private addedSinceSweep = 0;

  /** @param due called (once per batch of observer callbacks) when items have been released. */
  constructor(
    private readonly doc: Document,
    private readonly due: () => void,
    signal: AbortSignal,
  ) {
    const view = doc.defaultView;
    view?.addEventListener('beforeprint', () => (this.printing = true), { signal });
    view?.addEventListener('afterprint', () => (this.printing = false), { signal });
  }

  /** Items released and not yet taken. */
  get length(): number {
    return this.released.length;
  }

  /** Items still waiting for their container to come near. */
  get held(): number {
    return this.waitingItems;
  }

  /** Queues `item`, to be released when `container` comes near (at once when it is not an element). */
  add(container: Node | null, item: T): void {
    if (container === null || container.nodeType !== Node.ELEMENT_NODE || typeof IntersectionObserver !== 'function') {
      this.released.push(item);
      return;
    }
    const el = container as Element;
    // A page that replaces a large table again and again (a single-page app) would otherwise leave the old rows
    // here and observed for as long as the page lives: every so many new containers, the removed ones are dropped.
    if (++this.addedSinceSweep > Math.max(SWEEP_EVERY, this.waiting.size)) this.sweep();
    this.waitingItems++;
    const items = this.waiting.get(el);
    if (items) return void items.push(item);
    this.waiting.set(el, [item]);
    this.observers().near.observe(el);
    this.observers().reach.observe(el);
  }

  /** Takes up to `max` released items, oldest first. */
  take(max: number): T[] {
    return this.released.splice(0, max);
  }

  /** Returns items taken but not used, in front of the others. */
  putBack(items: T[]): void {
    this.released.unshift(...items);
  }

  /** Forgets everything and stops observing. */
  clear(): void {
    this.near?.disconnect();
    this.reach?.disconnect();
    this.near = this.reach = undefined;
    this.waiting.clear();
    this.waitingItems = 0;
    this.inReach.clear();
    this.released.length = 0;
  }

  private sweep(): void {
    this.addedSinceSweep = 0;
    for (const [el, items] of this.waiting) {
      if (el.isConnected) continue;
      this.waiting.delete(el);
      this.near?.unobserve(el);
      this.reach?.unobserve(el);
      this.inReach.delete(el);
      this.waitingItems -= items.length;
    }
  }

  private observers(): { near: IntersectionObserver; reach: IntersectionObserver } {
    // The document itself as the root, so the margins apply in cross-origin frames too (the implicit root ignores them there).
    this.reach ??= new IntersectionObserver((entries) => this.reached(entries), { root: this.doc, rootMargin: REACH_MARGIN });
    this.near ??= new IntersectionObserver((entries) => this.neared(entries), { root: this.doc, rootMargin: NEAR_MARGIN });
    return { near: this.near, reach: this.reach };
  }

  private reached(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (entry.isIntersecting) this.inReach.add(entry.target);
      else this.inReach.delete(entry.target);
    }
  }

  private neared(entries: IntersectionObserverEntry[]): void {
    let trigger = false;
    for (const entry of entries) {
      const { width, height } = entry.boundingClientRect;
      if (entry.isIntersecting && !this.printing) trigger = true;
      else if (width === 0 && height === 0 && !entry.isIntersecting) this.release(entry.target);
    }
    if (trigger) {
      // The near ones first: when a write cannot take everything, they are what is about to show.
      for (const entry of entries) if (entry.isIntersecting) this.release(entry.target);
      for (const el of this.inReach) this.release(el);
      this.inReach.clear();
    }
    if (this.released.length > 0) this.due();
  }

  private release(el: Element): void {
    const items = this.waiting.get(el);
    if (items === undefined) return;
    this.waiting.delete(el);
    this.near?.unobserve(el);
    this.reach?.unobserve(el);
    this.waitingItems -= items.length;
    for (const item of items) this.released.push(item);
  }
}
