import { callLogRetryDelay } from './call-log-backoff';
import type { CallLogRecord } from './call-record';

/** Records kept while the receiver cannot be reached; the oldest go first beyond this (and are counted). */
export const CALL_LOG_QUEUE_LIMIT = 500;

/** What survives a restart of the engine page (kept in the extension's IndexedDB: records name who called whom). */
export interface StoredCallLog {
  records: CallLogRecord[];
  delivered: number;
  dropped: number;
}

/** The queue as the options page shows it. */
export interface CallLogStatus {
  delivered: number;
  waiting: number;
  /** Records given up because more than {@link CALL_LOG_QUEUE_LIMIT} were waiting. */
  dropped: number;
  /** Why the last attempt failed, as a sentence; absent after a delivery. */
  lastError?: string;
  /** Epoch ms of the next attempt while one is scheduled. */
  nextAttemptAt?: number;
}

export interface CallLogQueueDeps {
  load(): Promise<StoredCallLog | undefined>;
  save(state: StoredCallLog): Promise<void>;
  /** Delivers one record; rejects with an Error whose message is the sentence to show. */
  send(record: CallLogRecord): Promise<void>;
  /** Whether a receiver is configured: without one nothing is queued and nothing is sent. */
  configured(): boolean;
  onChange(): void;
  random?: () => number;
}

/**
 * The call-log webhook's delivery queue: records go out one at a time, oldest first, so the receiver sees calls in
 * the order they ended. A failed delivery keeps its record at the head and is tried again after a growing delay
 * (`call-log-backoff.ts`); records that end meanwhile wait behind it. Every change is stored at once, so a restart
 * of the engine page loses nothing.
 */
export class CallLogQueue {
  private state: StoredCallLog = { records: [], delivered: 0, dropped: 0 };
  private failures = 0;
  private lastError: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextAttemptAt: number | undefined;
  private sending = false;
  private loaded: Promise<void> | undefined;
  /** Saves one after another: two IndexedDB writes racing could leave the older state stored. */
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly deps: CallLogQueueDeps) {}

  /** Reads the stored queue and starts delivering what waited. */
  load(): Promise<void> {
    this.loaded ??= this.deps.load().then(
      (stored) => {
        if (stored && Array.isArray(stored.records)) {
          this.state = { records: [...stored.records, ...this.state.records].slice(-CALL_LOG_QUEUE_LIMIT), delivered: (stored.delivered || 0) + this.state.delivered, dropped: (stored.dropped || 0) + this.state.dropped };
        }
        this.pump();
      },
      () => this.pump(),
    );
    return this.loaded;
  }

  status(): CallLogStatus {
    return {
      delivered: this.state.delivered,
      waiting: this.state.records.length,
      dropped: this.state.dropped,
      ...(this.lastError ? { lastError: this.lastError } : {}),
      ...(this.nextAttemptAt !== undefined ? { nextAttemptAt: this.nextAttemptAt } : {}),
    };
  }

  /** Queues the record of a call that ended, when a receiver is configured. */
  add(record: CallLogRecord): void {
    if (!this.deps.configured()) return;
    this.state.records.push(record);
    const over = this.state.records.length - CALL_LOG_QUEUE_LIMIT;
    if (over > 0) {
      this.state.records.splice(0, over);
      this.state.dropped += over;
    }
    this.persist();
    this.pump();
  }

  /** The receiver or its secret changed: try now instead of waiting out the delay. */
  retryNow(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.nextAttemptAt = undefined;
    this.failures = 0;
    this.pump();
  }

  private pump(): void {
    if (this.sending || this.timer !== undefined || this.state.records.length === 0 || !this.deps.configured()) return;
    this.sending = true;
    void this.drain().finally(() => {
      this.sending = false;
      this.deps.onChange();
    });
  }

  private async drain(): Promise<void> {
    while (this.state.records.length > 0 && this.deps.configured()) {
      const record = this.state.records[0]!;
      try {
        await this.deps.send(record);
      } catch (error) {
        this.failures += 1;
        this.lastError = error instanceof Error ? error.message : String(error);
        const delay = callLogRetryDelay(this.failures, (this.deps.random ?? Math.random)());
        this.nextAttemptAt = Date.now() + delay;
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.nextAttemptAt = undefined;
          this.pump();
        }, delay);
        return;
      }
      // The head may have been dropped meanwhile (queue over its limit): remove the record itself, not blindly the head.
      const at = this.state.records.indexOf(record);
      if (at >= 0) this.state.records.splice(at, 1);
      this.state.delivered += 1;
      this.failures = 0;
      this.lastError = undefined;
      this.persist();
      this.deps.onChange();
    }
  }

  private persist(): void {
    const state: StoredCallLog = { records: [...this.state.records], delivered: this.state.delivered, dropped: this.state.dropped };
    this.saving = this.saving.then(() => this.deps.save(state)).catch(() => undefined);
  }
}
