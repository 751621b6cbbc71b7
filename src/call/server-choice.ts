/** Failed attempts on one server before trying the other. */
export const FAILURES_BEFORE_SWITCH = 2;

/**
 * Which of the account's two servers to use: the primary, or after {@link FAILURES_BEFORE_SWITCH} failed attempts
 * the backup (when there is one), and back to the primary once it answers again (see `probe-server.ts`). With both
 * down, attempts alternate, two on each, so whichever comes back first is found.
 *
 * ```
 *            2 failures               2 failures
 *  primary ─────────────▶ backup ─────────────▶ primary …
 *     ▲                      │
 *     └── primary answers ───┘  (checked while registered on the backup)
 * ```
 */
export class ServerChoice {
  private onBackup = false;
  private failures = 0;

  constructor(
    private readonly primary: string,
    private readonly backup: string,
  ) {}

  get server(): string {
    return this.onBackup ? this.backup : this.primary;
  }

  get usingBackup(): boolean {
    return this.onBackup;
  }

  /** An attempt on the current server failed; answers whether the next attempt goes to the other server. */
  failed(): boolean {
    if (!this.backup) return false;
    if (++this.failures < FAILURES_BEFORE_SWITCH) return false;
    this.onBackup = !this.onBackup;
    this.failures = 0;
    return true;
  }

  /** Registered on the current server. */
  succeeded(): void {
    this.failures = 0;
  }

  /** The primary answers again while we are on the backup: go back to it. */
  returnToPrimary(): void {
    this.onBackup = false;
    this.failures = 0;
  }
}
