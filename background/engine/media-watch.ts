import { CallState } from '../../src/call/call-state';

/** How often inbound RTP is counted, and how long without a new packet means "no audio". */
export const MEDIA_CHECK_MS = 2_000;
export const NO_AUDIO_AFTER_MS = 10_000;

/** What the watch needs of a call: its state, its RTP counters, and a place to say there is no audio. */
export interface WatchedCall {
  readonly state: CallState;
  readonly held: boolean;
  noAudio: boolean;
  stats(): Promise<{ packetsReceived: number } | undefined>;
}

/**
 * Notices a connected call whose audio from the other side stopped (no inbound RTP packet for 10 s, from
 * `getStats`): a dead network path, a peer whose media died, a call kept alive under a reconnect. The call gets
 * `noAudio` (the popup says so), which clears by itself when packets arrive again. A held call is not watched: the
 * other side may send nothing on purpose.
 */
export class MediaWatch {
  private timer: ReturnType<typeof setInterval> | undefined;
  private last: { call: WatchedCall; packets: number; since: number } | undefined;

  constructor(
    private readonly current: () => WatchedCall | undefined,
    private readonly changed: () => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.check(), MEDIA_CHECK_MS);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async check(): Promise<void> {
    const call = this.current();
    if (!call || call.state !== CallState.Connected || call.held) {
      this.last = undefined;
      return;
    }
    const packets = (await call.stats().catch(() => undefined))?.packetsReceived;
    if (packets === undefined) return;
    const now = Date.now();
    if (this.last?.call !== call || packets !== this.last.packets) {
      this.last = { call, packets, since: now };
      this.set(call, false);
      return;
    }
    if (now - this.last.since >= NO_AUDIO_AFTER_MS) this.set(call, true);
  }

  private set(call: WatchedCall, noAudio: boolean): void {
    if (call.noAudio === noAudio) return;
    call.noAudio = noAudio;
    this.changed();
  }
}
