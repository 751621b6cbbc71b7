import type { LinkMatch } from '../src/phone/phone-match';
import type { LinkStyle } from '../src/settings/defaults';
import type { Slice } from './idle-scheduler';
import { packScanMessages, type Piece } from './pack-scan-messages';
import { blockOf } from './text-scan';
import { ViewportGate } from './viewport-gate';
import type { Run } from './walk-runs';
import { applyWrap, prepareWrap, type PreparedWrap } from './wrap-matches';

/** Matches run texts in the background (`page:scan`); `matches[i]` belongs to `texts[i]`. */
export type MatchTexts = (texts: string[]) => Promise<LinkMatch[][]>;

/**
 * Where runs sent to be matched come from: the scan (wrapped in slices, or held by the viewport gate on a large
 * page), blocks that came near the viewport (written one batch a frame), or blocks a jump brought into view
 * (written whole in the next write: they are on screen already).
 */
export type RunSource = 'scan' | 'near' | 'view';

/** A run with its matches, waiting to be wrapped. */
interface Matched {
  run: Run;
  matches: LinkMatch[];
  /** Its links, made while the wrap waits for the rest of the page to be matched. */
  prepared?: PreparedWrap;
}

/** What the linkifier tells the pipeline and hears from it. */
export interface MatchedRunsHooks {
  /** False once the linkifier has stopped: late answers are dropped. */
  listening(): boolean;
  /** True when answers should have their links made at once (past the numbers in view). */
  prepareNow(): boolean;
  /** True when answers should wait for their container to come near the viewport (a large page). */
  gated(): boolean;
  /** Runs held back by the viewport gate were released: they want a write. */
  released(): void;
  style(): LinkStyle;
  /** An answer added runs to the queue (or none). */
  answered(): void;
  /** A message went unanswered. */
  failed(error: unknown): void;
}

/**
 * The send/receive/wrap end of the pipeline: runs go to the background to be matched (in as many messages as
 * SCAN_LIMITS need), the matched ones wait here, and {@link wrap} links them as long as a slice has time.
 */
export class MatchedRuns {
  private queue: Matched[] = [];
  /** Runs in view after a jump, matched: the next write takes them all, whatever its batch size. */
  private inView: Matched[] = [];
  private pending = 0;
  private sent = 0;
  private since = 0;
  /** A large page's answers, until their containers come near the viewport. */
  private readonly gate: ViewportGate<Matched>;

  constructor(
    private readonly match: MatchTexts,
    private readonly hooks: MatchedRunsHooks,
    doc: Document,
    signal: AbortSignal,
  ) {
    this.gate = new ViewportGate<Matched>(doc, () => hooks.released(), signal);
  }

  /** Runs the viewport gate has released and that wait for a write. */
  get releasedLength(): number {
    return this.inView.length + this.gate.length;
  }

  /** Runs held back until they come near the viewport. */
  get held(): number {
    return this.gate.held;
  }

  /** Runs waiting to be wrapped. */
  get length(): number {
    return this.queue.length;
  }

  /** `page:scan` messages not answered yet. */
  get inFlight(): number {
    return this.pending;
  }

  /** Runs sent to be matched since the pipeline was last empty. */
  get runsSent(): number {
    return this.sent;
  }

  /** When the oldest waiting run got its matches (performance.now()). */
  get matchedSince(): number {
    return this.since;
  }

  /** The pipeline is empty again: later scans count their runs from zero. */
  resetSent(): void {
    this.sent = 0;
  }

  clear(): void {
    this.queue = [];
    this.inView = [];
    this.gate.clear();
  }

  /**
   * Sends runs to be matched; matches join the queue on reply. Of a run split over several messages (over 400,000
   * characters), only its first message's matches are kept. Runs from blocks HeldBlocks released (`near`, `view`)
   * are written as soon as they are matched, one write per frame.
   */
  send(runs: Run[], from: RunSource = 'scan'): void {
    if (from === 'scan') this.sent += runs.length;
    for (const { texts, pieces } of packScanMessages(runs)) this.sendPieces(texts, pieces, from);
  }

  /** Links queued runs while `slice` has time, inside `write` (the observers' guard for our own DOM writes). */
  wrap(slice: Slice, write: (fn: () => void) => void): void {
    let done = 0;
    write(() => {
      while (done < this.queue.length && slice.hasTime()) this.linkRun(this.queue[done++] as Matched);
    });
    this.queue = this.queue.slice(done);
  }

  /**
   * Links the runs in view after a jump, all of them, and up to `max` runs in all with those the viewport gate
   * released, while `slice` has time; returns how many it took. The rows on screen are never split over frames: each
   * frame after a write to a huge table waits for its relayout.
   */
  wrapReleased(slice: Slice, max: number, write: (fn: () => void) => void): number {
    const inView = this.inView.splice(0);
    const taken = inView.concat(this.gate.take(Math.max(0, max - inView.length)));
    let done = 0;
    write(() => {
      while (done < taken.length && (done < inView.length || slice.hasTime())) this.linkRun(taken[done++] as Matched);
    });
    // Out of time: the rest goes back in front, for the next frame.
    if (done < taken.length) this.gate.putBack(taken.slice(done));
    return done;
  }

  private sendPieces(texts: string[], pieces: Array<Piece<Run>>, from: RunSource): void {
    this.pending++;
    this.match(texts).then(
      (results) => {
        this.pending--;
        if (!this.hooks.listening()) return;
        let current: Matched | undefined;
        if (this.queue.length === 0) this.since = performance.now();
        const queued = this.queue.length;
        const gated = this.hooks.gated();
        results.forEach((matches, i) => {
          const { run, joined, offset } = pieces[i] as Piece<Run>;
          if (matches.length === 0) return;
          if (current?.run !== run) {
            current = { run, matches: [] };
            if (from === 'view') this.inView.push(current);
            else if (from === 'near') this.gate.add(null, current);
            else if (gated) this.gate.add(blockOf(run.nodes[0] as Text), current);
            else this.queue.push(current);
          }
          for (const m of matches) current.matches.push({ ...m, start: joined.toRaw(m.start + offset), end: joined.toRaw(m.end + offset) });
        });
        // Past the numbers in view, the links are made now (no DOM writes: the page is still being scanned and
        // matched), so the wrap only inserts them.
        if (this.hooks.prepareNow()) {
          const style = this.hooks.style();
          for (let k = queued; k < this.queue.length; k++) {
            const entry = this.queue[k] as Matched;
            entry.prepared = prepareWrap(entry.run.nodes, entry.run.texts, entry.matches, style);
          }
        }
        this.hooks.answered();
      },
      (error: unknown) => {
        this.pending--;
        this.hooks.failed(error);
      },
    );
  }

  private linkRun({ run, matches, prepared }: Matched): void {
    // The page may have changed the run since we saw it; the observer has queued a rescan for that case.
    for (let i = 0; i < run.nodes.length; i++) {
      const node = run.nodes[i] as Text;
      if (!node.isConnected || node.data !== run.texts[i]) return;
    }
    const style = this.hooks.style();
    applyWrap(prepared?.style === style ? prepared : prepareWrap(run.nodes, run.texts, matches, style));
  }
}
