/**
 * How much page text one tab may have matched per window. A 10,000-row contact table sends about 120,000
 * characters and a long article with numbers a few hundred thousand, so honest pages stay far below it even when
 * they redraw; a page that rewrites megabytes of digits every second meets it within seconds.
 */
export const SCAN_BUDGET = { chars: 2_000_000, windowMs: 60_000 } as const;

/** Who pays: a tab (its frames share one budget), or an extension-less sender by its URL. */
export type ScanPayer = number | string;

/**
 * The per-tab character budget of `page:scan` (fixed windows). {@link take} charges a batch before it is matched,
 * so batches waiting their turn count too and a tab cannot queue more than its budget.
 */
export class ScanBudget {
  private readonly used = new Map<ScanPayer, { since: number; chars: number }>();

  constructor(
    private readonly now: () => number,
    private readonly limit: { chars: number; windowMs: number } = SCAN_BUDGET,
  ) {}

  /** Charges `chars` to `payer`: 0 when granted, else how many milliseconds until its window has room again. */
  take(payer: ScanPayer, chars: number): number {
    const now = this.now();
    let entry = this.used.get(payer);
    if (!entry || now - entry.since >= this.limit.windowMs) {
      entry = { since: now, chars: 0 };
      this.used.set(payer, entry);
    }
    if (entry.chars + chars > this.limit.chars) return Math.max(1, entry.since + this.limit.windowMs - now);
    entry.chars += chars;
    return 0;
  }

  /** A closed tab's budget is dropped (tab ids are not reused while the browser runs, but the map should not grow). */
  forget(payer: ScanPayer): void {
    this.used.delete(payer);
  }
}

/**
 * One batch at a time per payer: a tab's next batch starts when its previous one has been answered, so a tab that
 * sends many at once gets them matched in order while other tabs' batches take turns in between.
 */
export function onePerPayer(): <T>(payer: ScanPayer, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<ScanPayer, Promise<unknown>>();
  return <T>(payer: ScanPayer, task: () => Promise<T>): Promise<T> => {
    const run = (tails.get(payer) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    tails.set(payer, tail);
    // The last batch of a payer leaves no entry behind.
    void tail.then(() => {
      if (tails.get(payer) === tail) tails.delete(payer);
    });
    return run;
  };
}
