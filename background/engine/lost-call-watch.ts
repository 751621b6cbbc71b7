import { t } from '../../src/i18n/t';
import { CallState } from '../../src/call/call-state';
import { RegistrationState } from '../../src/call/registration-state';

/** How often the watch looks (MediaWatch's rhythm), and how long a call may have neither signalling nor audio. */
export const LOST_CHECK_MS = 2_000;
/**
 * Counted from the moment both are gone, which is after MediaWatch's 10 s without a packet, so the user sits in
 * about 30 s of silence before the call ends. 20 s lets the reconnect loop make its first try (1–8 s after the loss,
 * see backoff.ts) with its connect timeout and usually a second one: a connection that is back in time keeps the
 * call, and its ICE-restart re-INVITE can bring the audio back. Much longer leaves a dead call on screen that only
 * looks alive; people hang up on half a minute of silence anyway.
 */
export const LOST_AFTER_MS = 20_000;

/** What the watch needs of a call: its state, MediaWatch's verdict, and a way to end it with a sentence. */
export interface LosableCall {
  readonly state: CallState;
  readonly noAudio: boolean;
  lose(reason: string): void;
}

/**
 * Ends a call that cannot survive: the signalling connection is gone and is being tried again (the call was kept
 * under the reconnect, see Connection) and no audio has arrived for a while either. Such a call could never hang
 * up, hold or transfer, and the other side hears nothing, so it ends with a sentence instead of hanging silently. A
 * call whose audio still flows is kept however long the connection takes to come back.
 */
export class LostCallWatch {
  private timer: ReturnType<typeof setInterval> | undefined;
  private since: { call: LosableCall; at: number } | undefined;

  constructor(
    private readonly current: () => LosableCall | undefined,
    private readonly registration: () => RegistrationState,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.check(), LOST_CHECK_MS);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private check(): void {
    const call = this.current();
    const gone = [RegistrationState.Waiting, RegistrationState.Connecting].includes(this.registration());
    if (!call || call.state !== CallState.Connected || !call.noAudio || !gone) {
      this.since = undefined;
      return;
    }
    const now = Date.now();
    if (this.since?.call !== call) this.since = { call, at: now };
    else if (now - this.since.at >= LOST_AFTER_MS) {
      this.since = undefined;
      call.lose(t('callLost'));
    }
  }
}
