import type { LinkStyle } from '../src/settings/defaults';
import { logger } from '../src/logger';
import { StateMachine } from '../src/call/state-machine';
import type { ContentLifetime } from './content-lifetime';
import { findShadowRoots } from './find-shadow-roots';
import { HeldBlocks } from './held-blocks';
import { labelledAsPhone } from './labelled-as-phone';
import { afterNextFrame, LARGE_SLICE_MS, scheduleIdle, scheduleTask, sliceNow, SLICE_MS, type Slice } from './idle-scheduler';
import { FRAME_BUDGET_MS, WriteBatches } from './write-batches';
import { ownerOf, restoreOriginal } from './link-registry';
import { MatchedRuns, type MatchTexts } from './matched-runs';
import { RootObservers } from './root-observers';
import { RunBatches } from './run-batches';
import type { HoldAhead } from './hold-ahead';
import { TextScan } from './text-scan';
import type { Run } from './walk-runs';

export type { MatchTexts } from './matched-runs';

/**
 * Runs sent since the pipeline was last empty above which the page is large: scan slices grow (see LARGE_SLICE_MS),
 * and later answers wait for their containers to come near the viewport (ViewportGate) instead of being linked all
 * at once — on a 10,000-row table every write costs a relayout of the whole table, and ten thousand new links on
 * top of it freeze the page for most of a second.
 */
const LARGE_BACKLOG = 300;
/**
 * After the first answer (the numbers in view), a smaller page's wrapping waits until the whole pipeline has
 * drained — everything scanned and matched — or until matched runs have waited this long (a page that never stops
 * changing): scanning first (it only reads) and then wrapping in one go costs fewer relayouts than interleaving.
 */
const MAX_WRAP_WAIT_MS = 2000;
/**
 * Once everything is scanned, the answers still out are known to come (the background matches ~1,000 runs in
 * 40–80 ms): waiting for them, up to this long, keeps the wrap in one piece — a second piece costs another relayout.
 */
const MAX_ANSWER_WAIT_MS = 3000;

/**
 * ```
 * idle ──start()──▶ first ──first wrap──▶ linking
 *   └─────────────────┴────────────────────┴──stop() / lifetime over──▶ stopped
 * ```
 * `first`: the numbers in view are wrapped as soon as they are matched; `linking`: on a small page the rest is
 * wrapped once matched, on a large one as it comes near the viewport. Between the first batch going out and the
 * frame that shows its links, nothing else runs: until our first write the page needs no frame, so all of our
 * work before that frame renders is part of it (on a 10,000-row table, a frame that already relayouts the table).
 */
type Phase = 'idle' | 'first' | 'linking' | 'stopped';
const MOVES: Readonly<Record<Phase, readonly Phase[]>> = {
  idle: ['first', 'stopped'],
  first: ['linking', 'stopped'],
  linking: ['stopped'],
  stopped: [],
};

/**
 * Links the phone numbers of one document and keeps them linked as the page changes.
 *
 * - {@link RootObservers} watch the document and its open shadow roots and queue dirty containers.
 * - A pipeline in idle slices: containers are scanned for candidate runs ({@link TextScan}), each slice's runs go
 *   to the background in one message to be matched, and the matched runs ({@link MatchedRuns}) are wrapped in later
 *   slices. The page never loads or runs libphonenumber-js.
 * - When the content script's lifetime ends (the extension context is gone) everything stops and the links stay.
 */
export class Linkifier {
  private readonly phase = new StateMachine<Phase>('idle', MOVES, 'Linkifier');
  private readonly roots: RootObservers;
  private readonly matched: MatchedRuns;
  private scans: TextScan[] = [];
  /** Runs found and not yet sent to be matched. */
  private readonly found = new RunBatches<Run>((runs) => this.matched.send(runs));
  private scheduled = false;
  /** The first batch (the numbers in view) is out and unanswered. */
  private firstOut = false;
  /** Containers whose open shadow roots are still to be looked for. */
  private shadowSearch: Node[] = [];
  /** The numbers in view were just written and their frame has not rendered yet. */
  private showingFirst = false;
  /** A write of released runs is waiting for the next frame. */
  private framePending = false;
  private readonly batches = new WriteBatches();
  /** A large page's blocks found far from the viewport, scanned again when they come near. */
  private readonly held: HeldBlocks;
  private readonly halt = () => this.halted();
  /** Past the first few hundred runs, blocks are held whole as the scan steps over them (see HeldBlocks). */
  private readonly holdAhead: HoldAhead = {
    active: () => this.large && typeof IntersectionObserver === 'function',
    block: (el) => this.held.holdBlock(el),
  };

  constructor(
    private readonly doc: Document,
    readonly country: string | undefined,
    private style: LinkStyle,
    match: MatchTexts,
    private readonly lifetime: ContentLifetime,
  ) {
    this.roots = new RootObservers(
      () => this.schedule(),
      () => this.running() && this.lifetime.alive(),
    );
    this.matched = new MatchedRuns(match, {
      listening: () => this.running(),
      prepareNow: () => this.phase.state === 'linking',
      gated: () => this.phase.state === 'linking' && this.large,
      released: () => this.writeSoon(),
      style: () => this.style,
      answered: () => this.answered(),
      failed: (error) => this.failed(error),
    }, doc, lifetime.signal);
    this.held = new HeldBlocks(doc, (runs, inView) => this.running() && this.matched.send(runs.map(withLabel), inView ? 'view' : 'near'), lifetime.signal, (shadow) =>
      this.roots.add(shadow),
    );
    lifetime.signal.addEventListener('abort', this.halt, { once: true });
  }

  /**
   * The first scan runs at once (content scripts start at document_idle, after the page's own first layout), so the
   * numbers in view are on their way to the background without waiting for an idle period.
   */
  start(): void {
    if (this.lifetime.signal.aborted) return this.halted();
    this.phase.transition('first');
    this.roots.add(this.doc);
    this.flush(sliceNow());
  }

  /** Removes every link we made (restoring the page's text) and stops observing. */
  stop(): void {
    this.lifetime.signal.removeEventListener('abort', this.halt);
    const roots = [...this.roots.roots];
    this.halted();
    for (const root of roots) {
      for (const link of root.querySelectorAll('a[data-dialable]')) {
        const owner = ownerOf(link);
        if (owner) restoreOriginal(owner, false);
      }
    }
  }

  setStyle(style: LinkStyle): void {
    if (style === this.style) return;
    this.style = style;
    this.roots.write(() => {
      for (const root of this.roots.roots) {
        for (const link of root.querySelectorAll('a[data-dialable]')) {
          if (ownerOf(link)) link.setAttribute('data-dialable-style', style);
        }
      }
    });
  }

  /** Past the page's first few hundred runs: the rest is held until it comes near the viewport. */
  private get large(): boolean {
    return this.matched.runsSent > LARGE_BACKLOG;
  }

  private running(): boolean {
    return this.phase.state !== 'stopped';
  }

  /** Stops observing, scanning and wrapping; the links made so far stay as they are. */
  private halted(): void {
    this.phase.transition('stopped');
    this.roots.disconnect();
    this.scans = [];
    this.shadowSearch = [];
    this.found.clear();
    this.matched.clear();
    this.held.clear();
  }

  private schedule(): void {
    if (this.scheduled || !this.running()) return;
    this.scheduled = true;
    const run = (slice: Slice) => {
      this.scheduled = false;
      this.flush(slice);
    };
    // A long scan runs in ordinary tasks: idle periods come only after frames, and it only reads. One slice a frame,
    // so that the frame's rendering (a whole relayout after our first links) is not held off by the next slices.
    if (this.large && this.scans.length > 0) afterNextFrame(() => scheduleTask(run, LARGE_SLICE_MS, 'user-visible'));
    else scheduleIdle(run, 50, () => (this.matched.length > LARGE_BACKLOG ? LARGE_SLICE_MS : SLICE_MS));
  }

  private flush(slice: Slice): void {
    if (!this.running()) return;
    if (this.showingFirst) return;
    // Wrapping first: those runs are ready, and they are what the user sees change.
    if (this.readyToWrap()) {
      const first = this.phase.state === 'first';
      this.phase.transition('linking');
      this.matched.wrap(slice, (fn) => this.roots.write(fn));
      if (first) {
        this.showingFirst = true;
        afterNextFrame(() => {
          this.showingFirst = false;
          this.schedule();
        });
        return;
      }
    }
    if (this.matched.length === 0 && this.matched.inFlight === 0 && this.scans.length === 0) this.matched.resetSent();
    const containers = this.roots.takeDirty();
    for (const container of containers) {
      // Past the first few hundred runs, a run's block waits for the viewport before anything else is done with it.
      const found = (run: Run) => {
        if (!this.large || !this.held.hold(run)) this.found.add(withLabel(run));
      };
      this.scans.push(new TextScan(container, found, (shadow) => this.roots.add(shadow), () => this.roots.pageChanges, this.holdAhead));
    }
    // The first batch is filled whatever the clock says (a few dozen runs: well under a millisecond of walking)
    // and sent at once, so it holds the numbers in view. Later batches are sent as they fill, so the background
    // matches one while the next is walked.
    if (this.found.first) {
      this.scanUntil(() => !this.found.full);
      this.found.flush();
      this.firstOut = !this.found.first && this.matched.inFlight > 0;
    }
    // Shadow roots in what is new (their text is not in the container's), once the numbers in view are written.
    this.shadowSearch.push(...containers);
    if (this.firstOut) return;
    for (const container of this.shadowSearch.splice(0)) findShadowRoots(container, (shadow) => this.roots.add(shadow));
    while (this.scans.length > 0 && slice.hasTime()) {
      this.scanUntil(() => slice.hasTime() && !this.found.full);
      if (this.found.full) this.found.flush();
    }
    this.found.flush();
    this.held.seal();
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
    if (this.phase.state !== 'linking') return true;
    const waited = performance.now() - this.matched.matchedSince;
    if (this.scans.length === 0 && this.found.empty) return this.matched.inFlight === 0 || waited >= MAX_ANSWER_WAIT_MS;
    return waited >= MAX_WRAP_WAIT_MS;
  }

  /** The first answer holds the numbers in view: wrap them now (a few runs), the rest in idle slices. */
  private answered(): void {
    this.firstOut = false;
    if (this.phase.state === 'first' && this.matched.length > 0) this.flush(sliceNow());
    else if (this.readyToWrap() || this.phase.state === 'first') this.schedule();
    if (this.matched.releasedLength > 0) this.writeSoon();
  }

  /**
   * Links what the viewport gate released in the next frame, as much as the measured cost of earlier writes allows
   * (WriteBatches), the rest in the frames after: one write per frame, each one relayout. In a frame callback, so
   * the links are in the frame that shows their numbers. A hidden tab renders no frames, and its gate releases
   * nothing either (IntersectionObserver runs with rendering).
   */
  private writeSoon(): void {
    if (this.framePending || !this.running() || typeof requestAnimationFrame !== 'function') return;
    this.framePending = true;
    requestAnimationFrame((frameAt) => {
      this.framePending = false;
      if (!this.running()) return;
      const runs = this.matched.wrapReleased(sliceNow(FRAME_BUDGET_MS), this.batches.size(), (fn) => this.roots.write(fn));
      if (runs > 0) requestAnimationFrame((next) => this.batches.measured(runs, next - frameAt));
      if (this.matched.releasedLength > 0) this.writeSoon();
    });
  }

  private failed(error: unknown): void {
    // An orphaned instance's messages fail with "Extension context invalidated": that ends its lifetime, quietly.
    if (!this.lifetime.alive()) return;
    this.firstOut = false;
    logger.warn('Could not match phone numbers', error);
    if (this.readyToWrap() || this.phase.state === 'first') this.schedule();
  }
}

/** The run, marked when the page labels it as a phone number outside its text (see labelledAsPhone). */
function withLabel(run: Run): Run {
  return labelledAsPhone(run) ? { ...run, phoneLabel: true } : run;
}
