import { RegistrationState } from './registration-state';

/** How long registration may be lost before the user is told (brief reconnects stay silent). */
export const REGISTRATION_LOST_AFTER_MS = 60_000;

/**
 * Tells the user when calls cannot reach them for a while: once registration has been lost for longer than
 * {@link delayMs} (after having worked), and again when it is back. A deliberate change (account removed,
 * registration switched off) ends the watch without a "lost" message.
 *
 * ```
 *   Registered ──lost──▶ Counting ──delayMs──▶ Told ──Registered/unconfigured──▶ (restored) Registered
 *        ▲                  │
 *        └──── Registered ──┘   (silently)
 * ```
 */
export class RegistrationWatch {
  /** Public so that a test (through the engine page) can shorten the minute. */
  delayMs = REGISTRATION_LOST_AFTER_MS;
  private wasRegistered = false;
  private told = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private message = '';

  constructor(private readonly tell: (change: { lost: true; message: string } | { lost: false }) => void) {}

  /** Feed every registration state change. */
  update(state: RegistrationState, message: string): void {
    this.message = message;
    if (state === RegistrationState.Registered || state === RegistrationState.Unconfigured || state === RegistrationState.Disabled) {
      this.wasRegistered = state === RegistrationState.Registered;
      this.stopCounting();
      if (this.told) {
        this.told = false;
        this.tell({ lost: false });
      }
      return;
    }
    if (!this.wasRegistered || this.told || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.told = true;
      this.tell({ lost: true, message: this.message });
    }, this.delayMs);
  }

  dispose(): void {
    this.stopCounting();
  }

  private stopCounting(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
