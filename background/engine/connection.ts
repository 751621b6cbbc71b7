import { Registerer, RegistererState, type UserAgent } from 'sip.js';
import { t } from '../../src/i18n/t';
import { Backoff, BACKOFF_MIN_MS } from '../../src/call/backoff';
import { registrationFailureReason } from '../../src/call/failure-reason';
import { RegistrationState, type RegistrationFixField } from '../../src/call/registration-state';
import { ServerChoice } from '../../src/call/server-choice';
import { effectiveDomain, isConfigured, type Account } from '../../src/settings/account';
import { describeConnectFailure } from './describe-connect-failure';
import { PrimaryWatch } from './primary-watch';
import { probeServer } from './probe-server';
import { probeTls } from './probe-tls';
import { registerOnce } from './register-once';
import { ConnectionBase } from './connection-base';
import type { ConnectionDelegate, MicrophoneSource, SipNetwork } from './sip-network';
import type { SipContact } from './unregister-contact';
import { newUserAgent } from './user-agent-options';

const R = RegistrationState;

/**
 * The connection to the SIP server: one sip.js UserAgent plus its Registerer, a keep-alive that expects answers,
 * and the reconnect policy. sip.js's own reconnection is off (`reconnectionAttempts: 0`): it can run two loops at
 * once. Ours has exactly one retry timer, lives only in the `Waiting` state, backs off with jitter (`backoff.ts`),
 * obeys `Retry-After`, waits for the `online` event while the browser is offline, moves to the backup server after
 * two failures (`ServerChoice`), and stops for good on 401/403 until the account changes. During a call a lost
 * connection is made again under the same UserAgent, so the call's dialog and media live on.
 * Every async callback checks `generation` so a torn-down UserAgent can never move the state.
 */
export class Connection extends ConnectionBase {
  private account: Account | undefined;
  private choice = new ServerChoice('', '');
  private readonly primaryWatch: PrimaryWatch;
  private readonly backoff = new Backoff();
  private wasRegistered = false;
  private signedOut = false;
  private offlineNow = false;

  constructor(
    delegate: ConnectionDelegate,
    private readonly microphone?: MicrophoneSource,
    /** Told the Contact of every new UserAgent before it registers (Firefox's event page unregisters it if the window dies). */
    private readonly onContact?: (contact: SipContact) => void,
    private readonly network: SipNetwork = {},
  ) {
    super(delegate);
    this.primaryWatch = new PrimaryWatch(network.probe ?? probeServer, () => delegate.busy?.() === true);
  }

  get aor(): string | undefined {
    return this.account ? `${this.account.username}@${effectiveDomain(this.account)}` : undefined;
  }

  get domain(): string {
    return this.account ? effectiveDomain(this.account) : '';
  }

  /** (Re)starts with a new account (or none). Always tears the old UserAgent down first. */
  async configure(account: Account | undefined, options: { signedOut?: boolean } = {}): Promise<void> {
    this.primaryWatch.stop();
    await this.teardown();
    this.account = account;
    this.backoff.reset();
    this.wasRegistered = false;
    if (options.signedOut !== undefined) this.signedOut = options.signedOut;
    this.choice = new ServerChoice(account?.server ?? '', account?.backupServer ?? '');
    if (!account || !isConfigured(account)) {
      this.set(R.Unconfigured, t('registrationUnconfigured'), 'server');
      return;
    }
    // No password (never entered, or dropped because the server or user changed): nothing to sign in with, and an
    // attempt would still send the user name to a server the user has not confirmed.
    if (account.password === '') {
      this.set(R.Unconfigured, t('registrationNeedsPassword'), 'password');
      return;
    }
    if (this.signedOut) {
      this.set(R.SignedOut, t('registrationSignedOut'));
      return;
    }
    await this.connect();
  }

  /** The popup's Sign out: unregister, stop every retry, stay quiet until {@link signIn}. */
  async signOut(): Promise<void> {
    await this.configure(this.account, { signedOut: true });
  }

  async signIn(): Promise<void> {
    await this.configure(this.account, { signedOut: false });
  }

  /** The browser is back online: skip the wait. */
  online(): void {
    this.offlineNow = false;
    if (this.state !== R.Waiting) return;
    this.clearRetry();
    this.backoff.reset();
    void this.nextAttempt(this.generation);
  }

  /** The browser went offline: say so and wait for {@link online} (retrying now would only fail). */
  offline(): void {
    this.offlineNow = true;
    if (![R.Connecting, R.Registering, R.Registered, R.Waiting].includes(this.state)) return;
    this.clearRetry();
    this.stopKeepAlive();
    this.backoff.reset();
    if (!this.delegate.busy?.()) this.dropUserAgent();
    this.set(R.Waiting, t('registrationOffline'), undefined);
  }

  /** The transport died, or the keep-alive went unanswered, under an established connection. */
  private lost(gen: number, reason: string): void {
    if (gen !== this.generation) return;
    if (this.state === R.Failed || this.state === R.Unconfigured || this.state === R.Disabled || this.state === R.SignedOut) return;
    this.retry(reason, 'server');
  }

  private async connect(): Promise<void> {
    const account = this.account;
    if (!account) return;
    this.clearRetry();
    this.stopKeepAlive();
    await this.disposeUserAgent();
    const gen = ++this.generation;
    const server = this.choice.server;
    this.set(R.Connecting, t('registrationConnecting', server));
    const ua = newUserAgent(account, server, { network: this.network, microphone: this.microphone, onContact: this.onContact }, {
      onDisconnect: (error) => {
        if (error) this.lost(gen, t('registrationConnectionLost', server));
      },
      onInvite: (invitation) => {
        if (gen === this.generation) this.delegate.onInvite(invitation);
      },
    });
    if (!ua) {
      this.set(R.Failed, t('registrationBadAddress'), 'username');
      return;
    }
    this.userAgent = ua;
    try {
      await ua.start();
    } catch {
      const failure = await describeConnectFailure(server, this.network.tlsProbe ?? (this.network.transportConstructor ? undefined : probeTls));
      if (gen === this.generation) this.retry(failure.message, 'server', 0, failure.fixUrl);
      return;
    }
    if (gen !== this.generation) return;
    this.startKeepAlive(ua, this.domain, () => this.lost(gen, t('registrationNoAnswer')));
    if (!account.register) {
      this.set(R.Disabled, t('registrationDisabled', server));
      this.backoff.reset();
      return;
    }
    this.registerer = new Registerer(ua, { expires: 600, refreshFrequency: 90 });
    this.watchRegisterer(gen, this.registerer);
    await this.register(gen);
  }

  /**
   * Under a live call: a new WebSocket for the same UserAgent (a frozen one is dropped first), the keep-alive, and
   * a fresh REGISTER on it, so calls can reach us again while the call's media never stopped.
   */
  private async reconnectUnderCalls(gen: number, ua: UserAgent): Promise<void> {
    const server = this.choice.server;
    this.set(R.Connecting, t('registrationConnecting', server));
    if (ua.transport.isConnected()) void ua.transport.disconnect().catch(() => undefined);
    try {
      await ua.reconnect();
    } catch {
      if (gen === this.generation) this.retry(registrationFailureReason('unreachable', { server }), 'server');
      return;
    }
    if (gen !== this.generation) return;
    this.startKeepAlive(ua, this.domain, () => this.lost(gen, t('registrationNoAnswer')));
    this.delegate.onReconnected?.();
    if (this.registerer) await this.register(gen);
  }

  /** Refresh at 90 % of what the server granted (sip.js: 99 %): late timers and a digest round trip need the room. */
  private watchRegisterer(gen: number, registerer: Registerer): void {
    registerer.stateChange.addListener((state) => {
      if (gen !== this.generation) return;
      if (state === RegistererState.Registered) {
        this.registered(gen);
      } else if (state === RegistererState.Unregistered && this.state === R.Registered) {
        // A refresh failed while the transport is still up.
        this.retry(registrationFailureReason('timeout'));
      }
    });
  }

  private registered(gen: number): void {
    this.backoff.up(Date.now());
    this.wasRegistered = true;
    this.choice.succeeded();
    this.set(R.Registered, this.registeredMessage());
    this.watchPrimary(gen);
  }

  private registeredMessage(): string {
    return this.choice.usingBackup ? t('registrationRegisteredBackup', this.aor, this.choice.server) : t('registrationRegistered', this.aor);
  }

  private async register(gen: number): Promise<void> {
    if (!this.registerer) return;
    this.set(R.Registering, t('registrationRegistering', this.aor));
    const pending = () => gen === this.generation && this.state === R.Registering;
    await registerOnce(this.registerer, {
      accepted: () => pending() && this.registered(gen),
      rejected: (outcome) => {
        if (gen !== this.generation) return;
        if (outcome.stop) this.fail(outcome.message, outcome.field);
        else this.retry(outcome.message, undefined, outcome.retryAfterMs);
      },
      timedOut: () => pending() && this.retry(registrationFailureReason('timeout')),
    });
  }

  /** Wrong credentials: no retry until the account changes. */
  private fail(message: string, field: RegistrationFixField): void {
    this.set(R.Failed, message, field);
    this.dropUserAgent();
  }

  /** Schedules the one retry (never a second loop) and moves to Waiting. */
  private retry(message: string, field?: RegistrationFixField, retryAfter = 0, fixUrl?: string): void {
    if (this.retryTimer !== undefined) return;
    this.stopKeepAlive();
    this.primaryWatch.stop();
    const switched = this.choice.failed();
    const keepCalls = !switched && this.delegate.busy?.() === true && this.userAgent !== undefined;
    if (!keepCalls) this.dropUserAgent();
    if (this.offlineNow) {
      this.set(R.Waiting, t('registrationOffline'), undefined);
      return;
    }
    const delay = switched && retryAfter === 0 ? BACKOFF_MIN_MS : this.backoff.next(Date.now(), retryAfter);
    const seconds = Math.ceil(delay / 1000);
    this.set(R.Waiting, this.wasRegistered ? t('registrationReconnecting', message, seconds) : t('registrationNextTry', message, seconds), field, fixUrl);
    const gen = this.generation;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.nextAttempt(gen);
    }, delay);
  }

  /** A new UserAgent, or — while a call is up on the old one — a new connection under it. */
  private async nextAttempt(gen: number): Promise<void> {
    const ua = this.userAgent;
    if (ua && gen === this.generation && this.delegate.busy?.()) await this.reconnectUnderCalls(gen, ua);
    else await this.connect();
  }

  /** On the backup: back to the primary (between calls) once it answers; the backup's binding is removed first. */
  private watchPrimary(gen: number): void {
    this.primaryWatch.stop();
    if (!this.choice.usingBackup || !this.account) return;
    this.primaryWatch.start(this.account.server, () => {
      if (gen !== this.generation || !this.choice.usingBackup) return;
      void this.unregister().then(() => {
        this.choice.returnToPrimary();
        this.backoff.reset();
        return this.connect();
      });
    });
  }

}
