import type { PostDialStep } from './post-dial';

/**
 * Time from one digit to the next. RFC 4733 digits go through `RTCDTMFSender.insertDTMF`, which replaces the
 * tones still queued: the next digit waits until the previous one (160 ms tone, 70 ms gap) has played.
 */
export const DIGIT_INTERVAL_MS = 300;

/** What the popup shows while post-dial digits are on their way: the digits, and whether they wait for "Send". */
export interface DigitSenderStatus {
  /** The digits being sent, or next to be sent after a pause or a wait. */
  digits: string;
  /** The digits are the number's extension ("Dialling extension 204"). */
  extension: boolean;
  /** A `;` in the number: nothing more is sent until the user presses Send. */
  waiting: boolean;
}

export interface DigitSenderDeps {
  /** Sends one DTMF digit (the call's one DTMF setting: RFC 4733 or SIP INFO). */
  send: (digit: string) => Promise<void>;
  /** The status changed (undefined: done, nothing more to send). */
  onChange: (status: DigitSenderStatus | undefined) => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Runs a call's post-dial steps once it is connected: waits out pauses, sends digits one at a time, and stops at a
 * wait until {@link resume}. One sender per call; {@link stop} when the call ends.
 */
export class DigitSender {
  private index = 0;
  private timer: unknown;
  private started = false;
  private stopped = false;
  private waiting = false;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(
    private readonly steps: readonly PostDialStep[],
    private readonly deps: DigitSenderDeps,
  ) {
    this.setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  /** The call is connected: start (a second call does nothing, e.g. after a resume from hold). */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.next();
  }

  /** The user pressed Send: the digits after the wait go. False when nothing was waiting. */
  resume(): boolean {
    if (!this.waiting || this.stopped) return false;
    this.waiting = false;
    this.index += 1;
    this.next();
    return true;
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer(this.timer);
  }

  /** What is being sent, or undefined when nothing is (not started, finished, stopped). */
  get status(): DigitSenderStatus | undefined {
    if (!this.started || this.stopped) return undefined;
    const upcoming = this.steps.slice(this.index).find((s): s is Extract<PostDialStep, { kind: 'digits' }> => s.kind === 'digits');
    if (!upcoming) return undefined;
    return { digits: upcoming.digits, extension: upcoming.extension === true, waiting: this.waiting };
  }

  private next(): void {
    if (this.stopped) return;
    const step = this.steps[this.index];
    if (!step) {
      this.deps.onChange(undefined);
      return;
    }
    if (step.kind === 'wait') {
      this.waiting = true;
      this.deps.onChange(this.status);
      return;
    }
    this.deps.onChange(this.status);
    if (step.kind === 'pause') {
      this.timer = this.setTimer(() => this.advance(), step.ms);
      return;
    }
    this.sendDigits(step.digits, 0);
  }

  private sendDigits(digits: string, at: number): void {
    if (this.stopped) return;
    const digit = digits[at];
    if (digit === undefined) {
      this.advance();
      return;
    }
    // A digit that could not be sent (the call just ended) does not stop the rest: stop() does.
    void this.deps.send(digit).catch(() => undefined);
    this.timer = this.setTimer(() => this.sendDigits(digits, at + 1), DIGIT_INTERVAL_MS);
  }

  private advance(): void {
    this.index += 1;
    this.next();
  }
}
