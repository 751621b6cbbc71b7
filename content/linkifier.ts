import type { LinkMatch } from '../src/phone/phone-match';
import type { LinkStyle } from '../src/settings/defaults';
import { logger } from '../src/logger';
import { INLINE, isInsideSkipped } from './dom-rules';
import { BulkSlices } from './bulk-slices';
import { findShadowRoots } from './find-shadow-roots';
import { LARGE_SLICE_MS, scheduleIdle, scheduleTask, sliceNow, SLICE_MS, type Slice } from './idle-scheduler';
import { isReplacedOriginal, ownerOf, restoreOriginal } from './link-registry';
import { packScanMessages, type Piece } from './pack-scan-messages';
import { RunBatches } from './run-batches';
import { TextScan } from './text-scan';
import type { Run } from './walk-runs';
import { applyWrap, prepareWrap, type PreparedWrap } from './wrap-matches';

/** Matches run texts in the background (`page:scan`); `matches[i]` belongs to `texts[i]`. */
export type MatchTexts = (texts: string[]) => Promise<LinkMatch[][]>;

type Root = Document | ShadowRoot;

/** Above this many dirty containers in one batch, rescanning the roots is cheaper than sorting them out. */
const MAX_DIRTY = 500;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** Runs waiting to be wrapped (or sent since the pipeline was last empty) above which slices grow (see LARGE_SLICE_MS). */
const LARGE_BACKLOG = 300;
/**
 * After the first answer (the numbers in view), wrapping waits until the whole pipeline has drained — everything
 * scanned and matched — or until matched runs have waited this long (a page that never stops changing). Every frame
 * that follows a DOM write relayouts the changed part of the page; on a 10,000-row table that is the whole table,
 * 200–700 ms a frame here, so scanning first (it only reads) and then wrapping in one go finishes far sooner than
 * interleaving the two. 2 s rather than 1: the table's scan can take over a second, and a bulk wrap cut in two by
 * this limit took twice as long (interleaved A/B runs: median 1.24 s vs 2.06 s).
 */
const MAX_WRAP_WAIT_MS = 2000;
/**
 * Once everything is scanned, the answers still out are known to come (the background matches ~1,000 runs in
 * 40–80 ms): waiting for them, up to this long, keeps the bulk wrap in one piece — a second piece costs more frames.
 */
const MAX_ANSWER_WAIT_MS = 3000;
/** A run with its matches, waiting to be wrapped. */
interface Matched {
  run: Run;
  matches: LinkMatch[];
  /** Its links, made while the bulk wrap waits for the rest of the page to be matched. */
  prepared?: PreparedWrap;
}

/**
 * Links the phone numbers of one document and keeps them linked as the page changes.
 *
 * - One MutationObserver per root (the document and each open shadow root); records are folded into "dirty
 *   containers" (the nearest block ancestor of a change), descendants of queued containers are dropped.
 * - Our own DOM writes happen inside {@link write}, which hands earlier page records on and drops ours.
 * - A pipeline in idle slices: containers are scanned for candidate runs ({@link TextScan}), each slice's runs go
 *   to the background in one message to be matched, and the matched runs are wrapped in later slices. The page
 *   never loads or runs libphonenumber-js.
 */
export class Linkifier {
  private readonly observers = new Map<Root, MutationObserver>();
  private readonly dirty = new Set<Node>();
  private scans: TextScan[] = [];
  /** Runs found and not yet sent to be matched. */
  private readonly found = new RunBatches<Run>((runs) => this.send(runs));
  private matched: Matched[] = [];
  /** Runs sent to be matched since the pipeline was last empty: above LARGE_BACKLOG, scanning takes task slices. */
  private runsSent = 0;
  private wrappedAny = false;
  /** When the oldest run in `matched` got its matches (performance.now()). */
  private matchedSince = 0;
  /** `page:scan` messages not answered yet. */
  private inFlight = 0;
  private scheduled = false;
  private stopped = false;
  /** The running bulk wrap's slice lengths (it runs until the wrap queue is empty). */
  private bulk: BulkSlices | undefined;
  /** Batches of the page's own mutation records seen so far: a running scan's text offsets hold while it stays. */
  private pageChanges = 0;

  constructor(
    private readonly doc: Document,
    readonly country: string | undefined,
    private style: LinkStyle,
    private readonly match: MatchTexts,
  ) {}

  /**
   * The first scan runs at once (content scripts start at document_idle, after the page's own first layout), so the
   * numbers in view are on their way to the background without waiting for an idle period.
   */
  start(): void {
    this.addRoot(this.doc);
    this.flush(sliceNow());
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
    this.scans = [];
    this.found.clear();
    this.matched = [];
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
    observer.observe(root, OBSERVE);
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
    const run = (slice: Slice) => {
      this.scheduled = false;
      this.flush(slice);
    };
    // A bulk wrap runs ahead of rendering for a while (each frame after a write relayouts the changed part of the
    // page), a long scan in ordinary tasks: idle periods come only after frames, and it only reads.
    if (this.matched.length > LARGE_BACKLOG && this.readyToWrap()) {
      // Chrome lets user-blocking tasks hold rendering back until ~100 ms after the last frame, so the bulk
      // starts just after one and sizes its slices to that deadline (BulkSlices): its insertions then share as
      // few frames as possible (one, for 10,000 prepared links, when nothing else is busy).
      const starting = this.bulk === undefined;
      const bulk = (this.bulk ??= new BulkSlices(performance.now()));
      const post = () => scheduleTask(run, () => bulk.next(performance.now()), 'user-blocking');
      if (!starting) post();
      else {
        afterNextFrame((frameAt) => {
          bulk.frame(frameAt);
          this.watchFrames(bulk);
          post();
        });
      }
    } else if (this.runsSent > LARGE_BACKLOG && this.scans.length > 0) scheduleTask(run, LARGE_SLICE_MS, 'user-visible');
    else scheduleIdle(run, 50, () => (this.matched.length > LARGE_BACKLOG ? LARGE_SLICE_MS : SLICE_MS));
  }

  private flush(slice: Slice): void {
    if (this.stopped) return;
    // Wrapping first: those runs are ready, and they are what the user sees change.
    if (this.readyToWrap()) {
      this.wrappedAny = true;
      let done = 0;
      this.write(() => {
        while (done < this.matched.length && slice.hasTime()) this.linkRun(this.matched[done++] as Matched);
      });
      this.matched = this.matched.slice(done);
      this.bulk?.ended(performance.now());
      if (this.matched.length === 0) this.bulk = undefined;
    }
    if (this.matched.length === 0 && this.inFlight === 0 && this.scans.length === 0) this.runsSent = 0;
    const containers = this.takeDirty();
    for (const container of containers) {
      this.scans.push(new TextScan(container, (run) => this.found.add(run), (shadow) => this.addRoot(shadow), () => this.pageChanges));
    }
    // The first batch is filled whatever the clock says (a few dozen runs: well under a millisecond of walking)
    // and sent at once, so it holds the numbers in view. Later batches are sent as they fill, so the background
    // matches one while the next is walked.
    if (this.found.first) {
      this.scanUntil(() => !this.found.full);
      this.found.flush();
    }
    // Shadow roots in what is new (their text is not in the container's), once the numbers in view are on their way.
    for (const container of containers) findShadowRoots(container, (shadow) => this.addRoot(shadow));
    while (this.scans.length > 0 && slice.hasTime()) {
      this.scanUntil(() => slice.hasTime() && !this.found.full);
      if (this.found.full) this.found.flush();
    }
    this.found.flush();
    if (this.scans.length > 0 || this.readyToWrap()) this.schedule();
  }

  /** Steps the queued scans while `more()` says so. */
  private scanUntil(more: () => boolean): void {
    while (this.scans.length > 0 && more()) {
      if (!(this.scans[0] as TextScan).step(more)) return;
      this.scans.shift();
    }
  }

  /** The first matches (the numbers in view), then everything once nothing else is coming (or has waited too long). */
  private readyToWrap(): boolean {
    if (this.matched.length === 0) return false;
    if (!this.wrappedAny) return true;
    const waited = performance.now() - this.matchedSince;
    if (this.scans.length === 0 && this.found.empty) return this.inFlight === 0 || waited >= MAX_ANSWER_WAIT_MS;
    return waited >= MAX_WRAP_WAIT_MS;
  }

  /**
   * Sends runs to be matched (in as many messages as SCAN_LIMITS need); matches join the wrap queue on reply. Of a
   * run split over several messages (over 400,000 characters), only its first message's matches are kept.
   */
  private send(runs: Run[]): void {
    this.runsSent += runs.length;
    for (const { texts, pieces } of packScanMessages(runs)) this.sendPieces(texts, pieces);
  }

  private sendPieces(texts: string[], pieces: Array<Piece<Run>>): void {
    this.inFlight++;
    this.match(texts).then(
      (results) => {
        this.inFlight--;
        if (this.stopped) return;
        let current: Matched | undefined;
        if (this.matched.length === 0) this.matchedSince = performance.now();
        const from = this.matched.length;
        results.forEach((matches, i) => {
          const { run, joined, offset } = pieces[i] as Piece<Run>;
          if (matches.length === 0) return;
          if (current?.run !== run) this.matched.push((current = { run, matches: [] }));
          for (const m of matches) current.matches.push({ ...m, start: joined.toRaw(m.start + offset), end: joined.toRaw(m.end + offset) });
        });
        // Past the numbers in view, the links are made now (no DOM writes: the page is still being scanned and
        // matched), so the bulk wrap only inserts them.
        if (this.wrappedAny) {
          for (let k = from; k < this.matched.length; k++) {
            const entry = this.matched[k] as Matched;
            entry.prepared = prepareWrap(entry.run.nodes, entry.run.texts, entry.matches, this.style);
          }
        }
        // The first answer holds the numbers in view: wrap them now (a few runs), the rest in idle slices.
        if (!this.wrappedAny && this.matched.length > 0) this.flush(sliceNow());
        else if (this.readyToWrap()) this.schedule();
      },
      (error: unknown) => {
        this.inFlight--;
        logger.warn('Could not match phone numbers', error);
        if (this.readyToWrap()) this.schedule();
      },
    );
  }

  private linkRun({ run, matches, prepared }: Matched): void {
    // The page may have changed the run since we saw it; the observer has queued a rescan for that case.
    for (let i = 0; i < run.nodes.length; i++) {
      const node = run.nodes[i] as Text;
      if (!node.isConnected || node.data !== run.texts[i]) return;
    }
    applyWrap(prepared?.style === this.style ? prepared : prepareWrap(run.nodes, run.texts, matches, this.style));
  }

  /** Tells a running bulk wrap when frames happen (each moves its deadline on), until it is over. */
  private watchFrames(bulk: BulkSlices): void {
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame((frameAt) => {
      if (this.bulk !== bulk) return;
      bulk.frame(frameAt);
      this.watchFrames(bulk);
    });
  }

  /** Turns mutation records into undo work (for nodes we replaced) and dirty containers. */
  private absorb(records: MutationRecord[]): void {
    if (this.stopped) return;
    this.pageChanges++;
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

  private takeDirty(): Node[] {
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
  private write(fn: () => void): void {
    const early = this.takeRecords();
    for (const observer of this.observers.values()) observer.disconnect();
    try {
      fn();
    } finally {
      for (const [root, observer] of this.observers) observer.observe(root, OBSERVE);
    }
    if (early.length > 0) this.absorb(early);
  }

  private takeRecords(): MutationRecord[] {
    const records: MutationRecord[] = [];
    for (const observer of this.observers.values()) records.push(...observer.takeRecords());
    return records;
  }
}

/**
 * Runs `fn` right after the next frame, with the time that frame started. A hidden tab renders no frames
 * (requestAnimationFrame waits until it is shown), so a timer runs it anyway.
 */
function afterNextFrame(fn: (frameAt: number) => void): void {
  let done = false;
  const once = (frameAt: number) => {
    if (done) return;
    done = true;
    fn(frameAt);
  };
  if (typeof requestAnimationFrame === 'function') {
    // The frame's own time (when it began), which Chrome's deadline counts from, not when the callback ran.
    requestAnimationFrame((frameAt) => setTimeout(() => once(frameAt), 0));
  }
  setTimeout(() => once(performance.now()), 100);
}

function isRoot(node: Node): boolean {
  return node.nodeType === Node.DOCUMENT_NODE || node.nodeType === Node.DOCUMENT_FRAGMENT_NODE;
}

function hasAncestorIn(node: Node, set: Set<Node>): boolean {
  for (let p = node.parentNode; p !== null; p = p.parentNode) if (set.has(p)) return true;
  return false;
}
