import { Registerer, RegistererState, UserAgent, Web, type Invitation, type SessionDescriptionHandlerFactory, type UserAgentOptions } from 'sip.js';
import { t } from '../../src/i18n/t';
import { backoffDelay } from '../../src/call/backoff';
import { registrationFailureReason } from '../../src/call/failure-reason';
import { REGISTRATION_MOVES, RegistrationState, type RegistrationFixField } from '../../src/call/registration-state';
import { StateMachine } from '../../src/call/state-machine';
import { effectiveDomain, isConfigured, type Account } from '../../src/settings/account';
import { logger } from '../../src/logger';
import { hostCandidatesFactory } from './host-candidates';
import { newContact, type SipContact } from './unregister-contact';

const R = RegistrationState;
/** How long a REGISTER may take before we call the attempt failed and back off. */
const REGISTER_TIMEOUT_MS = 10_000;

export interface ConnectionDelegate {
  onChange(): void;
  onInvite(invitation: Invitation): void;
}

/** Where call audio comes from; the default is `navigator.mediaDevices.getUserMedia` (see {@link EngineHost}). */
export type MicrophoneSource = (constraints: MediaStreamConstraints) => Promise<MediaStream>;

/**
 * What a UserAgent talks through: by default sip.js's WebSocket transport and its WebRTC session description
 * handler. The engine's unit tests pass a fake transport and fake media here, as SIP.js's own tests do.
 */
export interface SipNetwork {
  transportConstructor?: UserAgentOptions['transportConstructor'];
  sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory;
}

/**
 * The connection to the SIP server: one sip.js UserAgent plus its Registerer, and the reconnect policy.
 * sip.js's own reconnection is off (`reconnectionAttempts: 0`): it can run two loops at once. Ours has exactly one
 * retry timer, lives only in the `Waiting` state, backs off 1 s → 60 s with jitter, retries at once when the browser
 * comes back online, and stops for good on 401/403 (wrong credentials) until the account changes.
 * Every async callback checks `generation` so a torn-down UserAgent can never move the state.
 */
export class Connection {
  readonly machine = new StateMachine<RegistrationState>(R.Unconfigured, REGISTRATION_MOVES, 'registration');
  message = t('registrationUnconfigured');
  /** The account field the user should look at when registration does not work (the popup's fix-it link). */
  fixField: RegistrationFixField | undefined = 'server';
  userAgent: UserAgent | undefined;
  private account: Account | undefined;
  private iceGatheringTimeout = 500;
  private registerer: Registerer | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private generation = 0;

  constructor(
    private readonly delegate: ConnectionDelegate,
    private readonly microphone?: MicrophoneSource,
    /** Told the Contact of every new UserAgent before it registers (Firefox's event page unregisters it if the window dies). */
    private readonly onContact?: (contact: SipContact) => void,
    private readonly network: SipNetwork = {},
  ) {
    this.machine.onChange(() => delegate.onChange());
  }

  get state(): RegistrationState {
    return this.machine.state;
  }

  get aor(): string | undefined {
    return this.account ? `${this.account.username}@${effectiveDomain(this.account)}` : undefined;
  }

  get domain(): string {
    return this.account ? effectiveDomain(this.account) : '';
  }

  /** (Re)starts with a new account (or none). Always tears the old UserAgent down first. */
  /**
   * sip.js's factory with the host's microphone source (Firefox's phone window takes the stream itself); with no
   * STUN/TURN servers, host candidates are all there will be, so the SDP does not wait for Chromium's slow "complete".
   */
  private descriptionHandlerFactory(account: Account): SessionDescriptionHandlerFactory {
    const base = this.network.sessionDescriptionHandlerFactory ?? Web.defaultSessionDescriptionHandlerFactory(this.microphone);
    return account.iceServers.length === 0 ? hostCandidatesFactory(base) : base;
  }

  async configure(account: Account | undefined): Promise<void> {
    await this.teardown();
    this.account = account;
    this.attempt = 0;
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
    await this.connect();
  }

  /** The browser is back online: skip the wait. */
  online(): void {
    if (this.state === R.Waiting) {
      this.clearRetry();
      this.attempt = 0;
      void this.connect();
    }
  }

  /** The transport died under an established registration or call. */
  private lost(gen: number): void {
    if (gen !== this.generation) return;
    if (this.state === R.Failed || this.state === R.Unconfigured || this.state === R.Disabled) return;
    this.retry(registrationFailureReason('unreachable', { server: this.account?.server }), 'server');
  }

  private async connect(): Promise<void> {
    const account = this.account;
    if (!account) return;
    this.clearRetry();
    await this.disposeUserAgent();
    const gen = ++this.generation;
    this.set(R.Connecting, t('registrationConnecting', account.server));
    const uri = UserAgent.makeURI(`sip:${account.username}@${effectiveDomain(account)}`);
    if (!uri) {
      this.set(R.Failed, t('registrationBadAddress'), 'username');
      return;
    }
    const contact = newContact();
    this.onContact?.(contact);
    const ua = new UserAgent({
      uri,
      ...contact,
      ...(this.network.transportConstructor ? { transportConstructor: this.network.transportConstructor } : {}),
      transportOptions: { server: account.server, connectionTimeout: 5, keepAliveInterval: 25 },
      authorizationUsername: account.authUsername || account.username,
      authorizationPassword: account.password,
      displayName: account.displayName || undefined,
      reconnectionAttempts: 0,
      logBuiltinEnabled: false,
      logLevel: 'error',
      logConnector: (level, category, _label, content) => {
        // sip.js logs whole messages at debug level only; errors are safe to keep (no Authorization header).
        if (level === 'error') logger.warn(`sip.js ${category}: ${content.slice(0, 200)}`);
      },
      sessionDescriptionHandlerFactory: this.descriptionHandlerFactory(account),
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: account.iceServers },
        iceGatheringTimeout: this.iceGatheringTimeout,
      },
      delegate: {
        onDisconnect: (error) => {
          if (error) this.lost(gen);
        },
        onInvite: (invitation) => {
          if (gen === this.generation) this.delegate.onInvite(invitation);
        },
      },
    });
    this.userAgent = ua;
    try {
      await ua.start();
    } catch {
      if (gen === this.generation) this.retry(registrationFailureReason('unreachable', { server: account.server }), 'server');
      return;
    }
    if (gen !== this.generation) return;
    if (!account.register) {
      this.set(R.Disabled, t('registrationDisabled', account.server));
      this.attempt = 0;
      return;
    }
    await this.register(gen, ua);
  }

  private async register(gen: number, ua: UserAgent): Promise<void> {
    this.set(R.Registering, t('registrationRegistering', this.aor));
    // Refresh at 90 % of what the server granted (sip.js: 99 %): a minimized window's timers may fire late, and the
    // refresh usually meets a digest challenge first; 99 % of a 60 s registration would leave 0.6 s for both.
    const registerer = new Registerer(ua, { expires: 600, refreshFrequency: 90 });
    this.registerer = registerer;
    registerer.stateChange.addListener((state) => {
      if (gen !== this.generation) return;
      if (state === RegistererState.Registered) {
        this.attempt = 0;
        this.set(R.Registered, t('registrationRegistered', this.aor));
      } else if (state === RegistererState.Unregistered && this.state === R.Registered) {
        // A refresh failed while the transport is still up.
        this.retry(registrationFailureReason('timeout'));
      }
    });
    const timeout = setTimeout(() => {
      if (gen === this.generation && this.state === R.Registering) this.retry(registrationFailureReason('timeout'));
    }, REGISTER_TIMEOUT_MS);
    try {
      await registerer.register({
        requestDelegate: {
          onReject: (response) => {
            if (gen !== this.generation) return;
            const code = response.message.statusCode;
            if (code === 401 || code === 407) {
              this.set(R.Failed, registrationFailureReason('auth', { code }), 'password');
              void this.disposeUserAgent();
            } else if (code === 403) {
              this.set(R.Failed, registrationFailureReason('forbidden'), 'username');
              void this.disposeUserAgent();
            } else {
              this.retry(registrationFailureReason('other', { code }));
            }
          },
        },
      });
    } catch {
      if (gen === this.generation && this.state === R.Registering) this.retry(registrationFailureReason('timeout'));
    } finally {
      // The timer only matters while this attempt is pending.
      if (this.state !== R.Registering) clearTimeout(timeout);
    }
  }

  /** Schedules the one retry (never a second loop) and moves to Waiting. */
  private retry(message: string, field?: RegistrationFixField): void {
    if (this.retryTimer !== undefined) return;
    this.generation++;
    void this.disposeUserAgent();
    const delay = backoffDelay(this.attempt++);
    this.set(R.Waiting, t('registrationNextTry', message, Math.ceil(delay / 1000)), field);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async teardown(): Promise<void> {
    this.generation++;
    this.clearRetry();
    const registerer = this.registerer;
    if (registerer && registerer.state === RegistererState.Registered) {
      await registerer.unregister().catch(() => undefined);
    }
    await this.disposeUserAgent();
  }

  private async disposeUserAgent(): Promise<void> {
    const ua = this.userAgent;
    this.userAgent = undefined;
    this.registerer = undefined;
    if (ua) await ua.stop().catch(() => undefined);
  }

  private set(state: RegistrationState, message: string, field?: RegistrationFixField): void {
    this.message = message;
    this.fixField = field;
    if (this.machine.state === state) this.delegate.onChange();
    else this.machine.transition(state);
  }
}
