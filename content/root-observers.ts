import { INLINE, isInsideSkipped } from './dom-rules';
import { isReplacedOriginal, ownerOf, restoreOriginal } from './link-registry';

export type Root = Document | ShadowRoot;

/** Above this many dirty containers in one batch, rescanning the roots is cheaper than sorting them out. */
const MAX_DIRTY = 500;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/**
 * The linkifier's watch on the page: one MutationObserver per root (the document and each open shadow root), whose
 * records are folded into "dirty containers" (the nearest block ancestor of a change; descendants of queued
 * containers are dropped) and into undo work for the nodes we replaced. Our own DOM writes go through
 * {@link write}, which hands earlier page records on and makes none of its own.
 */
export class RootObservers {
  private readonly observers = new Map<Root, MutationObserver>();
  private readonly dirty = new Set<Node>();
  private changes = 0;

  /**
   * @param dirtied called whenever a container joins the dirty set (the linkifier schedules a scan).
   * @param listening asked before each batch of records: false drops it (the linkifier has stopped).
   */
  constructor(
    private readonly dirtied: () => void,
    private readonly listening: () => boolean,
  ) {}

  /** Batches of the page's own mutation records seen so far: a running scan's text offsets hold while it stays. */
  get pageChanges(): number {
    return this.changes;
  }

  get roots(): Iterable<Root> {
    return this.observers.keys();
  }

  /** Observes `root` (once) and queues it whole for a scan. */
  add(root: Root): void {
    if (this.observers.has(root)) return;
    const observer = new MutationObserver((records) => this.absorb(records));
    observer.observe(root, OBSERVE);
    this.observers.set(root, observer);
    this.markDirty(root);
  }

  /** Stops observing every root and forgets the queued containers. */
  disconnect(): void {
    for (const observer of this.observers.values()) observer.disconnect();
    this.observers.clear();
    this.dirty.clear();
  }

  /** The queued containers, connected ones only and without descendants of others (or the roots, on a huge burst). */
  takeDirty(): Node[] {
    const all = [...this.dirty];
    this.dirty.clear();
    if (all.length > MAX_DIRTY) return [...this.observers.keys()];
    const set = new Set(all);
    return all.filter((node) => node.isConnected && !hasAncestorIn(node, set));
  }

  /**
   * Runs our own DOM writes: page records queued before them are absorbed; the observers are off while we write, so
   * our writes make no records at all (a bulk wrap would otherwise queue two per link, each a wrapper object in this
   * world). Nothing else can change the DOM during `fn` (it is synchronous).
   */
  write(fn: () => void): void {
    const early = this.takeRecords();
    for (const observer of this.observers.values()) observer.disconnect();
    try {
      fn();
    } finally {
      for (const [root, observer] of this.observers) observer.observe(root, OBSERVE);
    }
    if (early.length > 0) this.absorb(early);
  }

  private markDirty(container: Node): void {
    this.dirty.add(container);
    this.dirtied();
  }

  /** Turns mutation records into undo work (for nodes we replaced) and dirty containers. */
  private absorb(records: MutationRecord[]): void {
    if (!this.listening()) return;
    this.changes++;
    const restores: Array<[Text, boolean]> = [];
    for (const record of records) {
      if (record.type === 'characterData') {
        const text = record.target as Text;
        const owner = text.parentElement ? ownerOf(text.parentElement) : undefined;
        if (isReplacedOriginal(text)) {
          // The page wrote new text into a node we had emptied: drop our copy, keep the page's text.
          restores.push([text, true]);
          this.markContainerOf(text);
        } else if (owner) {
          // Someone edited the text inside one of our links: give the text back and look again.
          restores.push([owner, false]);
          this.markContainerOf(owner);
        } else {
          this.markContainerOf(text);
        }
        continue;
      }
      for (const node of record.removedNodes) {
        if (isReplacedOriginal(node)) restores.push([node, true]);
        else if (node.nodeType === Node.TEXT_NODE) this.markContainerOf(record.target);
      }
      for (const node of record.addedNodes) this.markContainerOf(node);
    }
    if (restores.length > 0) this.write(() => restores.forEach(([text, keep]) => restoreOriginal(text, keep)));
  }

  /** Queues the nearest block-level ancestor of `node` (or the node itself if it is one), unless it is skipped. */
  private markContainerOf(node: Node): void {
    let container: Node | null = node;
    while (container !== null && container.nodeType !== Node.ELEMENT_NODE && !isRoot(container)) {
      container = container.parentNode;
    }
    while (container !== null && container.nodeType === Node.ELEMENT_NODE && INLINE.has((container as Element).localName)) {
      container = container.parentNode;
    }
    if (container === null) return;
    if (container.nodeType === Node.ELEMENT_NODE) {
      const el = container as HTMLElement;
      if (isInsideSkipped(el) || el.isContentEditable) return;
    }
    this.markDirty(container);
  }

  private takeRecords(): MutationRecord[] {
    const records: MutationRecord[] = [];
    for (const observer of this.observers.values()) records.push(...observer.takeRecords());
    return records;
  }
}

function isRoot(node: Node): boolean {
  return node.nodeType === Node.DOCUMENT_NODE || node.nodeType === Node.DOCUMENT_FRAGMENT_NODE;
}

function hasAncestorIn(node: Node, set: Set<Node>): boolean {
  for (let p = node.parentNode; p !== null; p = p.parentNode) if (set.has(p)) return true;
  return false;
}
