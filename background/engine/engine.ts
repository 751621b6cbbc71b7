import { Inviter, UserAgent, type Invitation } from 'sip.js';
import { t } from '../../src/i18n/t';
import { callerLabel } from '../../src/call/caller-label';
import { CallState, isTerminal } from '../../src/call/call-state';
import type { EngineSnapshot, HistoryEntry } from '../../src/call/engine-snapshot';
import { RegistrationState } from '../../src/call/registration-state';
import { RegistrationWatch } from '../../src/call/registration-watch';
import { logger } from '../../src/logger';
import type { AccountView, CallAction, DialResult, EngineEvent, PageDialFlags, ResolvedTarget } from '../../src/messaging/protocol';
import { applyDialRules } from '../../src/phone/dial-rules';
import { cleanAccount, EMPTY_ACCOUNT, type Account } from '../../src/settings/account';
import { bindPassword } from '../../src/settings/account-binding';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/defaults';
import { secretStore } from '../../src/settings/secret-store';
import { AudioRouting, canChooseOutput } from './audio-routing';
import { Call } from './call';
import { Connection, type MicrophoneSource, type SipNetwork } from './connection';
import { HistoryStore } from './history-store';
import { concernFor } from './page-concern';
import { TonePlayer } from './tones';
import type { SipContact } from './unregister-contact';
import { SECRET_KEYS } from '../../src/well-known';

const ACCOUNT_KEY = SECRET_KEYS.account;
const MISSED_KEY = SECRET_KEYS.missed;
/** Set when a changed server, domain or user name dropped the stored password, until a new one is saved. */
const CLEARED_KEY = SECRET_KEYS.passwordCleared;
/** How long "save account" waits for the registration outcome before answering with the current state. */
const SAVE_WAIT_MS = 6_000;

/** What a host page may change about the engine: only where the microphone stream comes from. */
export interface EngineHost {
  /**
   * Firefox's phone window must be the focused window when it calls getUserMedia (otherwise the request waits
   * forever, see the README's Architecture section), so its host brings itself to the front first.
   */
  microphone?: MicrophoneSource;
  /** Firefox: where the phone window remembers its registration's Contact, so the event page can remove it. */
  onContact?: (contact: SipContact) => void;
  /** The transport and media sip.js uses (default: WebSocket and WebRTC). */
  network?: SipNetwork;
}

/**
 * The SIP engine: owns the connection, the calls, the history and the audio. It lives in a long-lived extension
 * page (Chrome's offscreen document, Firefox's phone window) and talks to the rest of the extension only through
 * `emit` and its methods.
 */
export class Engine {
  private readonly connection: Connection;
  private readonly tones: TonePlayer;
  private readonly history = new HistoryStore(DEFAULT_SETTINGS.calling.historySize);
  private settings: Settings = DEFAULT_SETTINGS;
  private account: Account | undefined;
  private passwordCleared = false;
  private calls: Call[] = [];
  private lastCall: Call | undefined;
  private missed = 0;
  private readonly audio = new Map<string, HTMLAudioElement>();
  private starting: Promise<void> | undefined;
  /** The dial being set up (until its INVITE is sent or it is refused). */
  private dialing: { number: string; result: Promise<DialResult> } | undefined;
  /** Chosen microphone, speaker, ringer and call volume; follows devices being unplugged and plugged in again. */
  readonly devices = new AudioRouting(() => this.changed());
  /** "Registration lost for more than a minute" (its `delayMs` is reachable from the engine page for tests). */
  readonly registrationWatch: RegistrationWatch;

  constructor(
    private readonly doc: Document,
    private readonly emit: (event: EngineEvent) => void,
    host: EngineHost = {},
  ) {
    this.registrationWatch = new RegistrationWatch((change) =>
      this.emit(change.lost ? { event: 'registration-lost', message: change.message } : { event: 'registration-restored' }),
    );
    this.connection = new Connection(
      {
        onChange: () => {
          this.registrationWatch.update(this.connection.state, this.connection.message);
          this.changed();
        },
        onInvite: (invitation) => this.incoming(invitation),
      },
      this.devices.microphone(host.microphone),
      host.onContact,
      host.network,
    );
    this.tones = new TonePlayer(doc);
    this.devices.attach(this.tones.element, 'ringer');
  }

  async start(): Promise<void> {
    this.starting ??= this.load();
    await this.starting;
  }

  private async load(): Promise<void> {
    await this.history.load();
    // The badge keeps counting missed calls across browser restarts until the popup is opened.
    this.missed = (await secretStore.get<number>(MISSED_KEY)) ?? 0;
    this.account = await secretStore.get<Account>(ACCOUNT_KEY);
    this.passwordCleared = (await secretStore.get<boolean>(CLEARED_KEY)) ?? false;
    await this.connection.configure(this.account);
  }

  applySettings(settings: Settings): void {
    this.settings = settings;
    this.history.setLimit(settings.calling.historySize);
    this.devices.apply(settings.audio);
    this.updateTones();
  }

  /** Calling and audio settings changed (read by the engine page itself from the private area). */
  applyPrivateSettings(part: Pick<Settings, 'calling' | 'audio'>): void {
    this.applySettings({ ...this.settings, ...part });
  }

  online(): void {
    this.connection.online();
  }

  accountView(): AccountView {
    const { password, ...rest } = this.account ?? EMPTY_ACCOUNT;
    return { ...rest, hasPassword: password !== '', passwordCleared: this.passwordCleared && password === '' };
  }

  /** The account for a settings export: with the password only when the user asked for it. */
  exportAccount(includePassword: boolean): Account {
    const account = this.account ?? EMPTY_ACCOUNT;
    return includePassword ? account : { ...account, password: '' };
  }

  /**
   * Stores the account and registers; answers with the outcome. An empty password keeps the stored one only for the
   * same server, domain and user names (`bindPassword`): otherwise the account waits for its new password.
   */
  async saveAccount(input: Account): Promise<{ registered: boolean; message: string }> {
    const { account, cleared } = bindPassword(this.account, cleanAccount(input));
    this.passwordCleared = account.password === '' && (cleared || this.passwordCleared);
    await secretStore.set(ACCOUNT_KEY, account);
    await secretStore.set(CLEARED_KEY, this.passwordCleared);
    this.account = account;
    await this.connection.configure(account);
    await this.settled(SAVE_WAIT_MS);
    return { registered: this.connection.state === RegistrationState.Registered, message: this.connection.message };
  }

  snapshot(): EngineSnapshot {
    const calls = this.calls.map((c) => c.snapshot());
    if (calls.length === 0 && this.lastCall) calls.push(this.lastCall.snapshot());
    const aor = this.connection.aor;
    return {
      registration: {
        state: this.connection.state,
        message: this.connection.message,
        ...(aor ? { aor } : {}),
        ...(this.connection.fixField ? { field: this.connection.fixField } : {}),
      },
      calls,
      history: this.history.entries,
      missed: this.missed,
      audio: { missing: this.devices.missing, canChooseOutput: canChooseOutput() },
    };
  }

  /**
   * Places a call. The dial is recorded before anything is awaited (start-up, registration, the microphone check):
   * a second click while the first is still starting joins it instead of sending a second INVITE. `page`: the call
   * came from a web page, so it may first need the user's confirmation (see `pageCallConcern`).
   */
  dial(target: ResolvedTarget, source?: { url: string; title: string }, page?: PageDialFlags): Promise<DialResult> {
    const number = target.kind === 'phone' ? target.e164 : target.kind === 'sip' ? target.uri : target.user;
    if (this.dialing) return this.dialing.number === number ? this.dialing.result : Promise.resolve({ accepted: false, reason: t('callAlreadyInCall') });
    const dialing = { number, result: this.placeCall(target, number, source, page) };
    this.dialing = dialing;
    const done = () => {
      if (this.dialing === dialing) this.dialing = undefined;
    };
    dialing.result.then(done, done);
    return dialing.result;
  }

  private async placeCall(target: ResolvedTarget, number: string, source?: { url: string; title: string }, page?: PageDialFlags): Promise<DialResult> {
    // A call can be what opened the engine page (Firefox: the phone window was closed): let it register first.
    await this.starting?.catch(() => undefined);
    if (page) {
      const concern = concernFor(target, page, { settings: this.settings, history: this.history.entries, domain: this.connection.domain });
      if (concern) return { accepted: false, reason: concern, confirm: true };
    }
    if (!this.connectedEnough()) await this.settled(SAVE_WAIT_MS);
    const active = this.calls.find((c) => !isTerminal(c.state));
    if (active) {
      // A second click while this number is being set up is the same call, not a new one.
      if (active.number === number && active.direction === 'outgoing') return { accepted: true, callId: active.id };
      return { accepted: false, reason: t('callAlreadyInCall') };
    }
    const ua = this.connection.userAgent;
    if (!ua || !this.connectedEnough()) return { accepted: false, reason: this.notReadyReason() };
    const microphone = await this.microphoneProblem();
    if (microphone) return { accepted: false, reason: microphone };
    const uri = UserAgent.makeURI(this.requestUri(target));
    if (!uri) return { accepted: false, reason: t('callBadSipAddress') };
    const inviter = new Inviter(ua, uri, {
      earlyMedia: true,
      sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
    });
    const call = this.track(new Call(inviter, 'outgoing', number, this.callDelegate(), undefined, source));
    call.invite().catch((error: unknown) => call.fail(undefined, describeMediaError(error)));
    return { accepted: true, callId: call.id };
  }

  async act(callId: string | undefined, action: CallAction): Promise<{ ok: boolean; error?: string }> {
    const call = this.calls.find((c) => (callId ? c.id === callId : !isTerminal(c.state)));
    if (!call) return { ok: false, error: t('callNoCall') };
    try {
      switch (action.action) {
        case 'hangup':
        case 'decline':
          await call.hangup();
          break;
        case 'answer': {
          const microphone = await this.microphoneProblem();
          if (microphone) return { ok: false, error: microphone };
          await call.answer();
          break;
        }
        case 'mute':
        case 'unmute':
          call.setMuted(action.action === 'mute');
          break;
        case 'hold':
        case 'resume':
          await call.setHeld(action.action === 'hold');
          break;
        case 'dtmf':
          await call.sendDtmf(action.tone, this.settings.calling.dtmf);
          break;
        case 'transfer':
          await call.transfer(this.requestUri(this.transferTarget(action.target)));
          break;
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** RTP counters of the current call (tests and diagnostics). */
  async stats(): Promise<{ packetsReceived: number; packetsSent: number } | undefined> {
    const call = this.calls.find((c) => !isTerminal(c.state));
    return call?.stats();
  }

  /**
   * The host page is going away (Firefox: the user closed the phone window). Ends every call now — BYE, CANCEL or a
   * decline go out synchronously on the still open WebSocket — since nothing can send them once the page is gone.
   */
  shutdown(): void {
    for (const call of this.calls) if (!isTerminal(call.state)) void call.hangup().catch(() => undefined);
  }

  /** The current call's microphone track settings (tests and diagnostics: which device it really uses). */
  localAudio(): MediaTrackSettings | undefined {
    return this.calls.find((c) => !isTerminal(c.state))?.localAudio();
  }

  async clearHistory(): Promise<void> {
    await this.history.clear();
    this.changed();
  }

  seen(): void {
    this.setMissed(0);
    this.changed();
  }

  private incoming(invitation: Invitation): void {
    const { number, displayName } = callerLabel(invitation.remoteIdentity, this.connection.domain);
    if (this.calls.some((c) => !isTerminal(c.state))) {
      // One call at a time: the second caller hears busy and the call is recorded as missed.
      void invitation.reject({ statusCode: 486 }).catch(() => undefined);
      this.setMissed(this.missed + 1);
      this.emit({ event: 'incoming-ended', callId: invitation.id, missed: true, number, ...(displayName ? { displayName } : {}) });
      void this.record({ id: invitation.id, direction: 'missed', number, ...(displayName ? { displayName } : {}), startedAt: Date.now(), durationMs: 0, result: t('callMissedBusy') });
      return;
    }
    const call = this.track(new Call(invitation, 'incoming', number, this.callDelegate(), displayName));
    this.emit({ event: 'incoming', callId: call.id, number, ...(displayName ? { displayName } : {}) });
  }

  private setMissed(count: number): void {
    this.missed = count;
    void secretStore.set(MISSED_KEY, count).catch((error: unknown) => logger.warn('Could not save the missed-call count', error));
  }

  private caller(call: Call): { number: string; displayName?: string } {
    return call.displayName ? { number: call.number, displayName: call.displayName } : { number: call.number };
  }

  private track(call: Call): Call {
    this.calls.push(call);
    this.lastCall = undefined;
    this.onCallChange(call);
    return call;
  }

  private callDelegate() {
    return {
      onChange: (call: Call) => this.onCallChange(call),
      onRemoteMedia: (call: Call, stream: MediaStream) => this.play(call, stream),
    };
  }

  private onCallChange(call: Call): void {
    this.updateTones();
    if (isTerminal(call.state)) {
      this.calls = this.calls.filter((c) => c !== call);
      this.lastCall = call;
      const element = this.audio.get(call.id);
      if (element) {
        this.devices.detach(element);
        element.remove();
      }
      this.audio.delete(call.id);
      const unanswered = call.direction === 'incoming' && call.connectedAt === undefined;
      const missed = unanswered && !call.declined;
      if (missed) this.setMissed(this.missed + 1);
      if (unanswered) this.emit({ event: 'incoming-ended', callId: call.id, missed, ...this.caller(call) });
      void this.record({
        id: call.id,
        direction: missed ? 'missed' : call.direction,
        number: call.number,
        ...(call.displayName ? { displayName: call.displayName } : {}),
        startedAt: call.startedAt,
        durationMs: call.connectedAt ? (call.endedAt ?? Date.now()) - call.connectedAt : 0,
        result: call.declined ? t('historyResultDeclined') : call.state === CallState.Failed ? (call.reason ?? t('callStateFailed')) : missed ? t('historyResultMissed') : t('historyResultAnswered'),
      });
    } else if (call.direction === 'incoming' && call.state === CallState.Connected) {
      this.emit({ event: 'incoming-ended', callId: call.id, missed: false, ...this.caller(call) });
    }
    this.changed();
  }

  private updateTones(): void {
    const ringingOut = this.calls.find((c) => c.state === CallState.Ringing && !c.hasEarlyMedia);
    const ringingIn = this.calls.find((c) => c.state === CallState.Incoming);
    if (ringingIn && this.devices.ringtone) this.tones.play('ringtone');
    else if (ringingIn) this.tones.stop();
    else if (ringingOut) this.tones.play('ringback');
    else this.tones.stop();
  }

  private play(call: Call, stream: MediaStream): void {
    let element = this.audio.get(call.id);
    if (!element) {
      element = this.doc.createElement('audio');
      element.autoplay = true;
      this.doc.body.append(element);
      this.audio.set(call.id, element);
      this.devices.attach(element, 'speaker');
    }
    element.srcObject = stream;
    void element.play().catch((error: unknown) => logger.warn('Could not play the call audio', error));
    this.updateTones();
  }

  private async record(entry: HistoryEntry): Promise<void> {
    await this.history.add(entry).catch((error: unknown) => logger.warn('Could not save call history', error));
    this.changed();
  }

  private changed(): void {
    this.emit({ event: 'snapshot', snapshot: this.snapshot() });
  }

  /**
   * This document cannot show a permission prompt: without the grant, getUserMedia would fail ("Permission
   * dismissed"). Ask the background to show the page that obtains it, and say so.
   */
  private async microphoneProblem(): Promise<string | undefined> {
    const state = await navigator.permissions
      .query({ name: 'microphone' as PermissionName })
      .then((s) => s.state)
      .catch(() => 'granted' as PermissionState);
    if (state === 'granted') return undefined;
    this.emit({ event: 'need-microphone' });
    return state === 'denied'
      ? t('callMicrophoneBlocked')
      : t('callMicrophoneAsk');
  }

  private connectedEnough(): boolean {
    const s = this.connection.state;
    return s === RegistrationState.Registered || s === RegistrationState.Disabled;
  }

  private notReadyReason(): string {
    if (this.connection.state === RegistrationState.Unconfigured) return t('callNoAccount');
    return t('callNotConnected', this.connection.message);
  }

  private requestUri(target: ResolvedTarget): string {
    const domain = this.connection.domain;
    if (target.kind === 'sip') return target.uri;
    if (target.kind === 'user') return `sip:${target.user}@${domain}`;
    const country = this.settings.detection.defaultCountry || undefined;
    return `sip:${applyDialRules(target.e164, this.settings.calling.dialRules, country)}@${domain}`;
  }

  private transferTarget(input: string): ResolvedTarget {
    const trimmed = input.trim();
    if (/^sips?:/i.test(trimmed)) return { kind: 'sip', uri: trimmed };
    if (/^\+\d{6,15}$/.test(trimmed)) return { kind: 'phone', e164: trimmed };
    return { kind: 'user', user: trimmed.replace(/[^0-9A-Za-z*#+._-]/g, '') };
  }

  /** Resolves once registration is no longer in progress, or after `ms`. */
  private settled(ms: number): Promise<void> {
    const busy = () => [RegistrationState.Connecting, RegistrationState.Registering].includes(this.connection.state);
    if (!busy()) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const off = this.connection.machine.onChange(() => {
        if (!busy()) done();
      });
      function done() {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  }
}

/** getUserMedia failures in words that say what to do. */
function describeMediaError(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || /Permission/i.test(String(error))) {
    return t('callMicrophoneNotAllowed');
  }
  if (name === 'NotFoundError') return t('callNoMicrophone');
  return t('callCouldNotStart', error instanceof Error ? error.message : String(error));
}
