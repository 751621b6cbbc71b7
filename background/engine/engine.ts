import type { Invitation } from 'sip.js';
import { t } from '../../src/i18n/t';
import { callerLabel } from '../../src/call/caller-label';
import { CallState, isTerminal } from '../../src/call/call-state';
import type { EngineSnapshot, HistoryEntry } from '../../src/call/engine-snapshot';
import { callEnding, historyEntry } from '../../src/call/history-entry';
import { PendingDial } from '../../src/call/pending-dial';
import { RegistrationState } from '../../src/call/registration-state';
import { RegistrationWatch } from '../../src/call/registration-watch';
import { notReadyReason } from '../../src/call/not-ready-reason';
import { dialedNumber, requestUriFor, transferTarget } from '../../src/call/request-uri';
import { toneFor } from '../../src/call/tone-for';
import { logger } from '../../src/logger';
import type { CallAction, DialResult, EngineEvent, PageDialFlags, ResolvedTarget } from '../../src/messaging/protocol';
import type { Account } from '../../src/settings/account';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/defaults';
import { effectiveSettings, type ManagedSettings } from '../../src/settings/managed';
import { AccountStore } from './account-store';
import { AudioRouting, canChooseOutput } from './audio-routing';
import { AutoAnswer } from './auto-answer';
import { Call } from './call';
import { CallList } from './call-list';
import { CallAudio } from './call-audio';
import { ExtensionDialer } from './extension-dialer';
import { KeyTones } from './key-tones';
import { Lines } from './lines';
import { startOutgoingCall } from './outgoing-call';
import { performAction } from './call-action';
import { Connection } from './connection';
import { decideIncomingCall } from './decide-incoming-call';
import type { EngineHost } from './engine-host';
import { HistoryStore } from './history-store';
import { microphoneProblem } from './microphone-problem';
import { MissedCount } from './missed-count';
import { concernFor } from './page-concern';
import { CrmIntegration } from './crm-integration';
import { registrationSettled } from './registration-settled';
import { startCallWatches } from './start-call-watches';
import { TonePlayer } from './tones';
import { turnAway } from './turn-away';

/** How long "save account" waits for the registration outcome before answering with the current state. */
const SAVE_WAIT_MS = 6_000;

/**
 * The SIP engine: owns the connection, the calls, the history and the audio. It lives in a long-lived extension
 * page (Chrome's offscreen document, Firefox's phone window) and talks to the rest only through `emit` and methods.
 */
export class Engine {
  private readonly connection: Connection;
  private readonly tones: TonePlayer;
  private readonly history = new HistoryStore(DEFAULT_SETTINGS.calling.historySize);
  /** The stored account (the options page's view of it, a settings export: see AccountStore). */
  readonly accounts = new AccountStore();
  private readonly missed = new MissedCount();
  private readonly dialing = new PendingDial<DialResult>();
  private settings: Settings = DEFAULT_SETTINGS;
  /** The policy values in the settings (when the sender knows them), applied again over a private-settings change. */
  private managed: ManagedSettings = {};
  private readonly calls = new CallList();
  private readonly crm: CrmIntegration;
  private readonly extensions = new ExtensionDialer(() => this.settings.calling, () => this.accounts.account, () => this.changed());
  readonly keyTones: KeyTones;
  private readonly lines = new Lines(this.calls, {
    // The consult call of an attended transfer (`first` is already on hold).
    consult: (first, input) => this.placeCall(transferTarget(input), dialedNumber(transferTarget(input)), undefined, undefined, first.id),
  });
  private starting: Promise<void> | undefined;
  /** Chosen microphone, speaker, ringer and call volume; follows devices being unplugged and plugged in again. */
  readonly devices = new AudioRouting(() => this.changed());
  private readonly audio: CallAudio;
  private readonly autoAnswer = new AutoAnswer(this.calls, () => this.tones.beep());
  /** "Registration lost for more than a minute" (its `delayMs` is reachable from the engine page for tests). */
  readonly registrationWatch: RegistrationWatch;

  constructor(
    doc: Document,
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
        busy: () => this.calls.going().length > 0,
        onReconnected: () => this.calls.all.forEach((call) => void call.refresh()),
      },
      this.devices.microphone(host.microphone, host.prepareMicrophone),
      host.onContact,
      host.network,
    );
    this.audio = new CallAudio(doc, this.devices);
    this.crm = new CrmIntegration(() => this.settings.calling, () => this.connection.aor, (e) => this.emit(e), () => this.changed(), host.mayReach ?? (async () => false));
    startCallWatches(() => this.calls.active(), () => this.connection.state, () => this.changed());
    this.tones = new TonePlayer(doc);
    this.keyTones = new KeyTones(doc, this.devices);
    this.devices.attach(this.tones.element, 'ringer');
  }

  async start(): Promise<void> {
    this.starting ??= this.load();
    await this.starting;
  }

  private async load(): Promise<void> {
    await this.history.load();
    await this.missed.load();
    await this.accounts.load();
    await this.connection.configure(this.accounts.account, { signedOut: this.accounts.signedOut });
  }

  applySettings(settings: Settings, managed: ManagedSettings = this.managed): void {
    this.settings = settings;
    this.managed = managed;
    this.history.setLimit(settings.calling.historySize);
    this.devices.apply(settings.audio);
    this.updateTones();
    this.changed();
  }

  /** Calling and audio settings changed (read by the engine page itself from the private area). */
  applyPrivateSettings(part: Pick<Settings, 'calling' | 'audio'>): void {
    this.applySettings(effectiveSettings({ ...this.settings, ...part }, this.managed));
  }

  /** The browser's `online`/`offline` events. */
  setOnline = (online: boolean): void => void (online ? this.connection.online() : this.connection.offline());

  /** The popup's Sign out / Sign in switch; remembered across restarts (a signed-out phone stays quiet). */
  async signOut(signedOut: boolean): Promise<void> {
    await this.accounts.setSignedOut(signedOut);
    await (signedOut ? this.connection.signOut() : this.connection.signIn());
  }

  /** Stores the account (see {@link AccountStore.save}) and registers; answers with the outcome. */
  async saveAccount(input: Account): Promise<{ registered: boolean; message: string }> {
    const account = await this.accounts.save(input);
    // Saving an account is asking to use it: it signs in again after a Sign out.
    if (this.accounts.signedOut) await this.accounts.setSignedOut(false);
    await this.connection.configure(account, { signedOut: false });
    await registrationSettled(this.connection, SAVE_WAIT_MS);
    return { registered: this.connection.state === RegistrationState.Registered, message: this.connection.message };
  }

  /** The web apps allowed to use the CTI page API, as in effect (serve-cti.ts checks its ports against them). */
  readonly ctiOrigins = (): readonly string[] => this.settings.calling.ctiOrigins;

  snapshot(): EngineSnapshot {
    return {
      registration: this.connection.snapshot(),
      calls: this.calls.snapshots().map((call) => this.extensions.annotate(call)),
      history: this.history.entries,
      missed: this.missed.value,
      dnd: this.settings.calling.dnd,
      audio: { missing: this.devices.missing, canChooseOutput: canChooseOutput() },
      callLog: this.crm.status(),
    };
  }

  /**
   * Places a call. The dial is recorded before anything is awaited (start-up, registration, the microphone check):
   * a second click while the first is still starting joins it instead of sending a second INVITE. `page`: the call
   * came from a web page, so it may first need the user's confirmation (see `pageCallConcern`).
   */
  dial(target: ResolvedTarget, source?: { url: string; title: string }, page?: PageDialFlags): Promise<DialResult> {
    const number = dialedNumber(target);
    return this.dialing.join(number, () => this.placeCall(target, number, source, page), () => ({ accepted: false, reason: t('callAlreadyInCall') }));
  }

  private async placeCall(target: ResolvedTarget, number: string, source?: { url: string; title: string }, page?: PageDialFlags, consultFor?: string): Promise<DialResult> {
    // A call can be what opened the engine page (Firefox: the phone window was closed): let it register first.
    await this.starting?.catch(() => undefined);
    if (page) {
      const concern = concernFor(target, page, { settings: this.settings, history: this.history.entries, domain: this.connection.domain });
      if (concern) return { accepted: false, reason: concern, confirm: true };
    }
    if (notReadyReason(this.connection.state, this.connection.message)) await registrationSettled(this.connection, SAVE_WAIT_MS);
    const going = this.calls.going();
    // A second click while this number is being set up (or talked to) is the same call, not a new one.
    const same = going.find((c) => c.number === number && c.direction === 'outgoing' && !consultFor);
    if (same) return { accepted: true, callId: same.id };
    if (going.length >= this.settings.calling.maxLines) return { accepted: false, reason: t('callAllLinesBusy', this.settings.calling.maxLines) };
    const ua = this.connection.userAgent;
    const notReady = notReadyReason(this.connection.state, this.connection.message);
    if (!ua || notReady) return { accepted: false, reason: notReady ?? t('callNotConnected', this.connection.message) };
    const microphone = await this.microphoneProblem();
    if (microphone) return { accepted: false, reason: microphone };
    // A new call is the live one: the call the user was in waits on hold meanwhile.
    await this.lines.holdOthers();
    const dial = { number, requestUri: requestUriFor(target, this.settings, this.connection.domain, this.accounts.account), ...(source ? { source } : {}), ...(consultFor ? { consultFor } : {}) };
    const call = startOutgoingCall(ua, dial, this.callDelegate(), (c) => this.track(c));
    if (typeof call !== 'string') this.extensions.attach(call, target);
    return typeof call === 'string' ? { accepted: false, reason: call } : { accepted: true, callId: call.id };
  }

  async act(callId: string | undefined, action: CallAction): Promise<{ ok: boolean; error?: string }> {
    const call = this.calls.find(callId);
    if (!call) return { ok: false, error: t('callNoCall') };
    return performAction(call, action, {
      microphoneProblem: () => this.microphoneProblem(),
      dtmf: this.settings.calling.dtmf,
      transferUri: (input) => requestUriFor(transferTarget(input), this.settings, this.connection.domain),
      sendDigits: () => this.extensions.resume(call.id),
      keyTone: (tone) => this.keyTones.play(tone),
      lines: this.lines,
    });
  }

  /** RTP counters of the current call, and its microphone track's settings (which device it really uses): tests. */
  readonly stats = async (): Promise<{ packetsReceived: number; packetsSent: number } | undefined> => this.calls.active()?.stats();
  readonly localAudio = (): MediaTrackSettings | undefined => this.calls.active()?.localAudio();

  /**
   * The host page is going away (Firefox: the user closed the phone window). Ends every call now — BYE, CANCEL or a
   * decline go out synchronously on the still open WebSocket — since nothing can send them once the page is gone.
   */
  shutdown(): void {
    for (const call of this.calls.all) if (!isTerminal(call.state)) void call.hangup().catch(() => undefined);
  }

  async clearHistory(): Promise<void> {
    await this.history.clear();
    this.changed();
  }

  seen(): void {
    this.missed.set(0);
    this.changed();
  }

  private incoming(invitation: Invitation): void {
    const caller = callerLabel(invitation.remoteIdentity, this.connection.domain);
    const goingOn = this.calls.going().length;
    // Do not disturb, busy (all lines in use), ring (softly during another call), or answer by itself: see decideIncoming.
    const decision = decideIncomingCall(invitation, this.settings.calling, this.connection.domain, goingOn);
    if (decision.kind === 'busy' || decision.kind === 'reject') {
      return turnAway(invitation, caller, decision, { emit: this.emit, addMissed: () => this.missed.add(), record: (entry) => this.record(entry), crm: this.crm });
    }
    const call = this.track(new Call(invitation, 'incoming', caller.number, this.callDelegate(), caller.displayName));
    this.emit({ event: 'incoming', callId: call.id, ...caller, ...(goingOn > 0 ? { waiting: true } : {}) });
    if (decision.kind === 'auto-answer') this.autoAnswer.schedule(call, decision.afterMs);
  }

  private track(call: Call): Call {
    this.calls.add(call);
    this.onCallChange(call);
    return call;
  }

  private callDelegate() {
    return {
      onChange: (call: Call) => this.onCallChange(call),
      onRemoteMedia: (call: Call, stream: MediaStream) => {
        this.audio.play(call.id, stream);
        this.updateTones();
      },
    };
  }

  private onCallChange(call: Call): void {
    this.updateTones();
    this.crm.callChanged(call);
    if (isTerminal(call.state)) {
      this.calls.ended(call);
      this.audio.release(call.id);
      void this.lines.ended(call);
      const { unanswered, missed } = callEnding(call);
      if (missed) this.missed.add();
      if (unanswered) this.emit({ event: 'incoming-ended', callId: call.id, missed, ...call.caller() });
      void this.record(historyEntry(call, Date.now()));
    } else if (call.direction === 'incoming' && call.state === CallState.Connected) {
      this.emit({ event: 'incoming-ended', callId: call.id, missed: false, ...call.caller() });
    }
    this.changed();
  }

  private updateTones(): void {
    const tone = toneFor(this.calls.all, this.devices.ringtone);
    if (tone) this.tones.play(tone);
    else this.tones.stop();
  }

  private async record(entry: HistoryEntry): Promise<void> {
    await this.history.add(entry).catch((error: unknown) => logger.warn('Could not save call history', error));
    this.changed();
  }

  private changed(): void {
    this.emit({ event: 'snapshot', snapshot: this.snapshot() });
  }

  private readonly microphoneProblem = (): Promise<string | undefined> => microphoneProblem(() => this.emit({ event: 'need-microphone' }));
}
