import { Invitation, Inviter, Session, SessionState, Web } from 'sip.js';
import { t } from '../../src/i18n/t';
import { CALL_MOVES, CallState, isTerminal } from '../../src/call/call-state';
import type { CallSnapshot } from '../../src/call/engine-snapshot';
import { callFailureReason } from '../../src/call/failure-reason';
import { isRemoteHold } from '../../src/call/sdp-direction';
import { StateMachine } from '../../src/call/state-machine';
import type { DtmfMode } from '../../src/settings/defaults';

const C = CallState;

export interface CallDelegate {
  onChange(call: Call): void;
  /** Remote media is available (early media or answered): play it. */
  onRemoteMedia(call: Call, stream: MediaStream): void;
}

let counter = 0;

/**
 * One call, wrapping a sip.js Inviter (outgoing) or Invitation (incoming) in our {@link CallState} machine.
 * sip.js types stay inside background/engine.
 */
export class Call {
  readonly id = `call-${Date.now().toString(36)}-${++counter}`;
  readonly machine: StateMachine<CallState>;
  readonly startedAt = Date.now();
  connectedAt: number | undefined;
  endedAt: number | undefined;
  muted = false;
  held = false;
  /** The other side holds the call (their last re-INVITE offered sendonly or inactive audio). */
  remoteHeld = false;
  /** A consult call (attended transfer): the id of the call that waits on hold to be transferred. */
  consultFor: string | undefined;
  /** Mixed with the other calls in a three-way conference. */
  conference = false;
  /** In a conference: the microphone track that feeds the mixes (mute acts on it; see Conference). */
  microphoneTrack: MediaStreamTrack | undefined;
  reason: string | undefined;
  /** The SIP status code of the final response that failed the call, if one did (the call log's result). */
  statusCode: number | undefined;
  /** The user turned this incoming call down (it is not a missed call). */
  declined = false;
  /** No audio from the other side for a while (see MediaWatch). */
  noAudio = false;
  private earlyMedia = false;

  constructor(
    readonly session: Session,
    readonly direction: 'outgoing' | 'incoming',
    readonly number: string,
    private readonly delegate: CallDelegate,
    readonly displayName?: string,
    readonly source?: { url: string; title: string },
  ) {
    this.machine = new StateMachine<CallState>(direction === 'outgoing' ? C.Dialing : C.Incoming, CALL_MOVES, 'call');
    this.machine.onChange(() => delegate.onChange(this));
    session.stateChange.addListener((state) => this.onSessionState(state));
    session.delegate = {
      // sip.js answers the other side's re-INVITE itself; we only read from its offer whether they hold us.
      onInvite: (request, _response, statusCode) => {
        if (statusCode !== 200) return;
        this.remoteHeld = isRemoteHold(request.body ?? '');
        this.settle();
      },
      // REFER is not accepted from peers: a far end must not make us call someone.
      onRefer: (referral) => void referral.reject(),
    };
  }

  get state(): CallState {
    return this.machine.state;
  }

  /** Outgoing: sends the INVITE. Resolves when it is sent; the outcome arrives through state changes. */
  async invite(): Promise<void> {
    const inviter = this.session as Inviter;
    await inviter.invite({
      requestDelegate: {
        onProgress: (response) => {
          const code = response.message.statusCode;
          if (code === 183 && response.message.body) this.startEarlyMedia();
          if ((code === 180 || code === 183) && this.state === C.Dialing) this.move(C.Ringing);
        },
        onReject: (response) => this.fail(response.message.statusCode),
      },
    });
  }

  /** Incoming: answers with audio. */
  async answer(): Promise<void> {
    if (!(this.session instanceof Invitation) || this.state !== C.Incoming) return;
    await this.session.accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
  }

  /** Hangs up whatever the state: cancel while dialing, decline while ringing in, BYE when connected. */
  async hangup(): Promise<void> {
    const s = this.session;
    if (s instanceof Inviter && s.state === SessionState.Establishing) {
      this.reason = callFailureReason(487);
      await s.cancel();
    } else if (s instanceof Invitation && s.state === SessionState.Initial) {
      this.reason = t('callDeclined');
      this.declined = true;
      await s.reject({ statusCode: 603 });
    } else if (s.state === SessionState.Established) {
      this.reason = t('callYouHungUp');
      await s.bye();
    }
  }

  setMuted(muted: boolean): void {
    const sdh = this.handler();
    if (!sdh) return;
    if (this.microphoneTrack) this.microphoneTrack.enabled = !muted;
    else sdh.enableSenderTracks(!muted && !this.held);
    this.muted = muted;
    this.delegate.onChange(this);
  }

  /** Hold/resume with a re-INVITE (a=sendonly / back to sendrecv). */
  async setHeld(held: boolean): Promise<void> {
    if (this.session.state !== SessionState.Established || held === this.held) return;
    const modifiers = held ? [Web.holdModifier] : [];
    await new Promise<void>((resolve, reject) => {
      this.session
        .invite({
          sessionDescriptionHandlerModifiers: modifiers,
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => reject(new Error(t(held ? 'callHoldRefused' : 'callResumeRefused', response.message.statusCode))),
          },
        })
        .catch(reject);
    });
    this.held = held;
    this.handler()?.enableSenderTracks(!held && !this.muted);
    this.handler()?.enableReceiverTracks(!held);
    this.settle();
  }

  /** Who the other side is, as engine events carry it. */
  caller(): { number: string; displayName?: string } {
    return this.displayName ? { number: this.number, displayName: this.displayName } : { number: this.number };
  }

  /** Tells the engine this call's snapshot changed (a flag set from outside, e.g. joining a conference). */
  notify(): void {
    this.delegate.onChange(this);
  }

  /** The established call's state from the two holds: ours wins (see the CallState diagram). */
  private settle(): void {
    if (isTerminal(this.state) || this.connectedAt === undefined) return;
    this.move(this.held ? C.OnHold : this.remoteHeld ? C.RemoteHold : C.Connected);
    this.delegate.onChange(this);
  }

  /**
   * The signalling connection was made again under this call: a re-INVITE tells the other side (and the proxy) the
   * new way to reach us, and restarts ICE in case the network path changed. A refusal leaves the call as it was.
   */
  async refresh(): Promise<void> {
    if (this.session.state !== SessionState.Established) return;
    await this.session
      .invite({
        sessionDescriptionHandlerOptions: { offerOptions: { iceRestart: true } } as Web.SessionDescriptionHandlerOptions,
        sessionDescriptionHandlerModifiers: this.held ? [Web.holdModifier] : [],
      })
      .catch(() => undefined);
  }

  async sendDtmf(tone: string, mode: DtmfMode): Promise<void> {
    if (!/^[0-9A-D*#]$/i.test(tone) || this.session.state !== SessionState.Established) return;
    if (mode === 'rfc4733') {
      if (this.handler()?.sendDtmf(tone, { duration: 160, interToneGap: 70 })) return;
    }
    await this.session.info({
      requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=160` } },
    });
  }

  async stats(): Promise<{ packetsReceived: number; packetsSent: number } | undefined> {
    const pc = this.handler()?.peerConnection;
    if (!pc) return undefined;
    const totals = { packetsReceived: 0, packetsSent: 0 };
    (await pc.getStats()).forEach((report: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
      if (report.type === 'inbound-rtp' && report.kind === 'audio') totals.packetsReceived += report.packetsReceived ?? 0;
      if (report.type === 'outbound-rtp' && report.kind === 'audio') totals.packetsSent += report.packetsSent ?? 0;
    });
    return totals;
  }

  /** Settings of the microphone track we send (its `deviceId` says which microphone the call uses). */
  localAudio(): MediaTrackSettings | undefined {
    return this.handler()?.localMediaStream.getAudioTracks()[0]?.getSettings();
  }

  remoteStream(): MediaStream | undefined {
    return this.handler()?.remoteMediaStream;
  }

  snapshot(): CallSnapshot {
    return {
      id: this.id,
      direction: this.direction,
      state: this.state,
      number: this.number,
      ...(this.displayName ? { displayName: this.displayName } : {}),
      ...(this.source ? { source: this.source } : {}),
      startedAt: this.startedAt,
      ...(this.connectedAt ? { connectedAt: this.connectedAt } : {}),
      ...(this.endedAt ? { endedAt: this.endedAt } : {}),
      muted: this.muted,
      held: this.held,
      ...(this.remoteHeld ? { remoteHeld: true } : {}),
      ...(this.consultFor ? { consultFor: this.consultFor } : {}),
      ...(this.conference ? { conference: true } : {}),
      ...(this.noAudio ? { noAudio: true } : {}),
      ...(this.reason ? { reason: this.reason } : {}),
    };
  }

  /**
   * Dialable gives a call up that cannot survive (see LostCallWatch): it fails with `reason` at once, and a BYE is
   * still tried in case some path to the other side works after all (sip.js ends the session either way).
   */
  lose(reason: string): void {
    if (isTerminal(this.state)) return;
    this.fail(undefined, reason);
    if (this.session.state === SessionState.Established) void this.session.bye().catch(() => undefined);
  }

  /** Fails the call with a reason (no INVITE could be sent, microphone refused, …). */
  fail(statusCode: number | undefined, reason = callFailureReason(statusCode)): void {
    if (isTerminal(this.state)) return;
    this.reason = reason;
    this.statusCode = statusCode;
    this.endedAt = Date.now();
    this.move(C.Failed);
  }

  private onSessionState(state: SessionState): void {
    if (state === SessionState.Established) {
      this.connectedAt = Date.now();
      const stream = this.remoteStream();
      if (stream) this.delegate.onRemoteMedia(this, stream);
      this.moveIfLive(C.Connected);
    } else if (state === SessionState.Terminated) {
      this.endedAt = Date.now();
      if (isTerminal(this.state)) return;
      if (this.connectedAt === undefined && this.direction === 'outgoing') {
        // sip.js moves to Terminated *before* it calls our onReject with the status code: let that come first.
        queueMicrotask(() => this.fail(undefined, this.reason ?? callFailureReason(undefined)));
        return;
      }
      this.reason ??= t(this.connectedAt === undefined ? 'callMissed' : 'callTheyHungUp');
      this.move(C.Ended);
    }
  }

  private startEarlyMedia(): void {
    if (this.earlyMedia) return;
    this.earlyMedia = true;
    const stream = this.remoteStream();
    if (stream) this.delegate.onRemoteMedia(this, stream);
  }

  /** Early media replaces the local ringback tone. */
  get hasEarlyMedia(): boolean {
    return this.earlyMedia;
  }

  /**
   * Moves the call's state; an illegal move throws like the state machine's `transition()`. Events that can arrive
   * after the call ended (a late 180, a hold answer after the BYE) are dropped by their callers, not here.
   */
  private move(next: CallState): void {
    this.machine.transition(next);
  }

  /** For events the network may deliver after the call ended (see {@link move}). */
  private moveIfLive(next: CallState): void {
    if (!isTerminal(this.state)) this.move(next);
  }

  /** sip.js's media handler of this call (its peer connection, tracks and DTMF sender), once there is one. */
  handler(): Web.SessionDescriptionHandler | undefined {
    const sdh = this.session.sessionDescriptionHandler;
    return sdh instanceof Web.SessionDescriptionHandler ? sdh : undefined;
  }
}
