import type { ProbeServer } from './probe-server';

/** While registered on the backup server: how often to look whether the primary is back. */
export const PRIMARY_CHECK_MS = 30_000;

/**
 * On the backup server, looks for the primary every {@link PRIMARY_CHECK_MS} (a WebSocket that opens) and says when
 * it is back — never during a call, which would be cut by the move.
 */
export class PrimaryWatch {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly probe: ProbeServer,
    private readonly busy: () => boolean,
  ) {}

  start(primary: string, onBack: () => void): void {
    this.stop();
    const timer = setInterval(() => {
      if (this.busy()) return;
      void this.probe(primary).then((back) => {
        if (!back || this.timer !== timer || this.busy()) return;
        this.stop();
        onBack();
      });
    }, PRIMARY_CHECK_MS);
    this.timer = timer;
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
