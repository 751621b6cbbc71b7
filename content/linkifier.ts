import type { LinkStyle } from '../src/settings/defaults';
import { INLINE, SKIPPED_SELECTOR } from './dom-rules';
import { LARGE_SLICE_MS, scheduleIdle, SLICE_MS, type Slice } from './idle-scheduler';
import { isReplacedOriginal, ownerOf, restoreOriginal } from './link-registry';
import { loadScanner } from './load-scanner';
import { logger } from '../src/logger';
import type { ScannerApi } from './scanner-api';
import { findShadowRoots, scanText } from './scan-text';
import type { Run } from './walk-runs';
import { wrapMatches } from './wrap-matches';

type Root = Document | ShadowRoot;

/** Above this many dirty containers in one batch, rescanning the roots is cheaper than sorting them out. */
const MAX_DIRTY = 500;
/** Queued runs above which slices grow (see LARGE_SLICE_MS). */
const LARGE_BACKLOG = 300;

/**
 * Links the phone numbers of one document and keeps them linked as the page changes.
 *
 * - One MutationObserver per root (the document and each open shadow root); records are folded into "dirty
 *   containers" (the nearest block ancestor of a change), descendants of queued containers are dropped.
 * - Our own DOM writes happen inside {@link write}, which hands earlier page records on and drops ours.
 * - Walking is cheap and synchronous; matching and wrapping run in idle slices, after the scanner bundle loads.
 */
export class Linkifier {
  private readonly observers = new Map<Root, MutationObserver>();
  private readonly dirty = new Set<Node>();
  private runs: Run[] = [];
  private scanner: ScannerApi | undefined;
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    readonly country: string | undefined,
    private style: LinkStyle,
  ) {}

  start(): void {
    this.addRoot(this.doc);
  }

  /** Removes every link we made (restoring the page's text) and stops observing. */
  stop(): void {
    this.stopped = true;
    for (const observer of this.observers.values()) observer.disconnect();
    for (const root of this.observers.keys()) {
      for (const link of root.querySelectorAll('a[data-dialable]')) {
        const owner = ownerOf(link);
        if (owner) restoreOriginal(owner, false);
      }
    }
    this.observers.clear();
    this.dirty.clear();
    this.runs = [];
  }

  setStyle(style: LinkStyle): void {
    if (style === this.style) return;
    this.style = style;
    this.write(() => {
      for (const root of this.observers.keys()) {
        for (const link of root.querySelectorAll('a[data-dialable]')) {
          if (ownerOf(link)) link.setAttribute('data-dialable-style', style);
        }
      }
    });
  }

  private addRoot(root: Root): void {
    if (this.observers.has(root)) return;
    const observer = new MutationObserver((records) => this.absorb(records));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.observers.set(root, observer);
    this.markDirty(root);
  }

  private markDirty(container: Node): void {
    this.dirty.add(container);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    scheduleIdle(
      (slice) => this.flush(slice),
      50,
      () => (this.runs.length > LARGE_BACKLOG ? LARGE_SLICE_MS : SLICE_MS),
    );
  }

  private flush(slice: Slice): void {
    this.scheduled = false;
    if (this.stopped) return;
    for (const container of this.takeDirty()) {
      scanText(container, (run) => this.runs.push(run), (shadow) => this.addRoot(shadow));
      if (isRoot(container)) findShadowRoots(container as Document | ShadowRoot, (shadow) => this.addRoot(shadow));
    }
    if (this.runs.length === 0) return;
    const scanner = this.scanner;
    if (!scanner) {
      loadScanner().then(
        (api) => {
          this.scanner = api;
          this.schedule();
        },
        (error: unknown) => logger.warn('Could not load the number scanner', error),
      );
      return;
    }
    let done = 0;
    this.write(() => {
      while (done < this.runs.length && slice.hasTime()) this.linkRun(scanner, this.runs[done++] as Run);
    });
    this.runs = this.runs.slice(done);
    if (this.runs.length > 0) this.schedule();
  }

  private linkRun(scanner: ScannerApi, run: Run): void {
    // The page may have changed the run since we saw it; the observer has queued a rescan for that case.
    for (let i = 0; i < run.nodes.length; i++) {
      const node = run.nodes[i] as Text;
      if (!node.isConnected || node.data !== run.texts[i]) return;
    }
    const matches = scanner.scan(run.texts.join(''), this.country);
    if (matches.length > 0) wrapMatches(run.nodes, matches, this.style);
  }

  /** Turns mutation records into undo work (for nodes we replaced) and dirty containers. */
  private absorb(records: MutationRecord[]): void {
    if (this.stopped) return;
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
      if (el.closest(SKIPPED_SELECTOR) !== null || el.isContentEditable) return;
    }
    this.markDirty(container);
  }

  private takeDirty(): Node[] {
    const all = [...this.dirty];
    this.dirty.clear();
    if (all.length > MAX_DIRTY) return [...this.observers.keys()];
    const set = new Set(all);
    return all.filter((node) => node.isConnected && !hasAncestorIn(node, set));
  }

  /** Runs our own DOM writes: page records queued before them are absorbed, the records our writes cause dropped. */
  private write(fn: () => void): void {
    const early = this.takeRecords();
    fn();
    this.takeRecords();
    if (early.length > 0) this.absorb(early);
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
