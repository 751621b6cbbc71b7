import { Registerer, RegistererState, type UserAgent } from 'sip.js';
import { t } from '../../src/i18n/t';
import { REGISTRATION_MOVES, RegistrationState, type RegistrationFixField } from '../../src/call/registration-state';
import { StateMachine } from '../../src/call/state-machine';
import type { EngineSnapshot } from '../../src/call/engine-snapshot';
import { KeepAlive } from './keep-alive';
import type { ConnectionDelegate } from './sip-network';

/**
 * What {@link Connection} stands on: the registration state with its sentence and fix-it hints, the current sip.js
 * UserAgent with its Registerer and keep-alive, the one retry timer, and the `generation` every async callback
 * checks so a torn-down UserAgent can never move the state. The policy (when to connect, retry, fail over) is
 * Connection's.
 */
export abstract class ConnectionBase {
  readonly machine = new StateMachine<RegistrationState>(RegistrationState.Unconfigured, REGISTRATION_MOVES, 'registration');
  message = t('registrationUnconfigured');
  /** The account field the user should look at when registration does not work (the popup's fix-it link). */
  fixField: RegistrationFixField | undefined = 'server';
  /** The server's https:// address when its certificate may be what fails (the popup links to it). */
  fixUrl: string | undefined;
  userAgent: UserAgent | undefined;
  protected registerer: Registerer | undefined;
  protected retryTimer: ReturnType<typeof setTimeout> | undefined;
  protected generation = 0;
  private keepAlive: KeepAlive | undefined;

  constructor(protected readonly delegate: ConnectionDelegate) {
    this.machine.onChange(() => delegate.onChange());
  }

  get state(): RegistrationState {
    return this.machine.state;
  }

  abstract get aor(): string | undefined;

  /** The registration part of the engine's snapshot (what the popup, badge and phone window show). */
  snapshot(): EngineSnapshot['registration'] {
    const aor = this.aor;
    return {
      state: this.state,
      message: this.message,
      ...(aor ? { aor } : {}),
      ...(this.fixField ? { field: this.fixField } : {}),
      ...(this.fixUrl ? { fixUrl: this.fixUrl } : {}),
    };
  }

  protected startKeepAlive(ua: UserAgent, domain: string, onDead: () => void): void {
    this.stopKeepAlive();
    this.keepAlive = new KeepAlive(ua, domain, onDead);
    this.keepAlive.start();
  }

  protected stopKeepAlive(): void {
    this.keepAlive?.stop();
    this.keepAlive = undefined;
  }

  protected clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  protected async unregister(): Promise<void> {
    const registerer = this.registerer;
    if (registerer && registerer.state === RegistererState.Registered) await registerer.unregister().catch(() => undefined);
  }

  protected async teardown(): Promise<void> {
    this.generation++;
    this.clearRetry();
    this.stopKeepAlive();
    await this.unregister();
    await this.disposeUserAgent();
  }

  /** Ends the current UserAgent without waiting (its callbacks are ignored from now on). */
  protected dropUserAgent(): void {
    this.generation++;
    void this.disposeUserAgent();
  }

  protected async disposeUserAgent(): Promise<void> {
    const ua = this.userAgent;
    this.userAgent = undefined;
    this.registerer = undefined;
    if (ua) await ua.stop().catch(() => undefined);
  }

  protected set(state: RegistrationState, message: string, field?: RegistrationFixField, fixUrl?: string): void {
    this.message = message;
    this.fixField = field;
    this.fixUrl = fixUrl;
    if (this.machine.state === state) this.delegate.onChange();
    else this.machine.transition(state);
  }
}
