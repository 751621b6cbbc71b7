/**
 * Runs per `page:scan` message; the first message of a scan is small so the numbers in view come back first. 300,
 * not 1,000: the background starts on each batch sooner and the last answer comes sooner after the scan ends.
 */
export const FIRST_BATCH = 40;
export const BATCH = 300;

/**
 * The candidate runs found but not yet sent to be matched, and when to send them: the first batch as soon as it
 * holds {@link FIRST_BATCH} runs (the numbers in view), every later one at {@link BATCH} runs, whatever is left
 * when a slice ends. A batch may hold a few more than its size: the scan reports a block's runs together.
 */
export class RunBatches<R> {
  private runs: R[] = [];
  private sentAny = false;

  constructor(private readonly send: (runs: R[]) => void) {}

  /** Nothing has been sent yet: the batch being filled is the first one. */
  get first(): boolean {
    return !this.sentAny;
  }

  get empty(): boolean {
    return this.runs.length === 0;
  }

  /** The batch being filled has reached its size and should be sent. */
  get full(): boolean {
    return this.runs.length >= (this.sentAny ? BATCH : FIRST_BATCH);
  }

  add(run: R): void {
    this.runs.push(run);
  }

  /** Sends what has been found (nothing if nothing has). */
  flush(): void {
    if (this.runs.length === 0) return;
    this.sentAny = true;
    this.send(this.runs.splice(0));
  }

  /** Forgets the runs not yet sent (the linkifier stopped). */
  clear(): void {
    this.runs = [];
  }
}
