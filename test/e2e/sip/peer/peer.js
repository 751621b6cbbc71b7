// The far-end phone for the SIP end-to-end tests: sip.js in a plain page, no build step.
//
// Query string: ws (ws://127.0.0.1:<port>), user, password, domain, mode, answerDelay (ms, default 0), and
// tone=<Hz>: send a steady sine of that frequency instead of the microphone (conference tests tell peers apart by
// it; see `hears`); mic=held: take the microphone once at load and give each call a clone (Firefox only lets the tab that is in front
// use a remembered microphone grant, and during a call the Dialable phone window is in front).
// Modes for incoming calls (sip.js itself sends 100 Trying and 180 Ringing first):
//   answer    — 200 OK after answerDelay
//   ring-only — keeps ringing (answer()/reject() by hand)
//   busy      — 486 Busy Here
//   decline   — 603 Decline
//   call      — same as ring-only; for the peer that places the calls
//
// Everything a test asserts is on window.peer; `peer.snapshot()` returns it as plain data for page.evaluate.
// Media: the sip.js default getUserMedia, which Chromium's --use-fake-device-for-media-stream answers with a beep.

import { Inviter, Registerer, RegistererState, SessionState, UserAgent, Web } from '/node_modules/sip.js/lib/index.js';
import { playRemoteAudio } from './play-remote-audio.js';
import { traceTransport as traceSip } from './trace-transport.js';

const query = new URL(location.href).searchParams;
const config = {
  ws: query.get('ws') ?? '',
  user: query.get('user') ?? '',
  password: query.get('password') ?? '',
  domain: query.get('domain') ?? 'dialable.test',
  mode: query.get('mode') ?? 'answer',
  answerDelay: Number(query.get('answerDelay') ?? 0),
};
const MODES = ['answer', 'call', 'busy', 'decline', 'ring-only'];
if (!MODES.includes(config.mode)) throw new Error(`peer: unknown mode ${config.mode}`);

const MEDIA = { constraints: { audio: true, video: false } };
const heldMicrophone = query.get('mic') === 'held' ? await navigator.mediaDevices.getUserMedia({ audio: true }) : undefined;
const toneHz = Number(query.get('tone') ?? 0);
/** A fresh stream of a steady sine at `toneHz` for each call. */
function toneStream() {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  oscillator.frequency.value = toneHz;
  const gain = context.createGain();
  gain.gain.value = 0.3;
  const destination = context.createMediaStreamDestination();
  oscillator.connect(gain).connect(destination);
  oscillator.start();
  return destination.stream;
}
const heldFactory = toneHz
  ? { sessionDescriptionHandlerFactory: Web.defaultSessionDescriptionHandlerFactory(async () => toneStream()) }
  : heldMicrophone
    ? { sessionDescriptionHandlerFactory: Web.defaultSessionDescriptionHandlerFactory(async () => new MediaStream(heldMicrophone.getAudioTracks().map((t) => t.clone()))) }
    : {};
const t0 = performance.now();
const now = () => Math.round(performance.now() - t0);

const peer = {
  config,
  /** WebSocket to the server: 'disconnected' | 'connected' */
  transport: 'disconnected',
  /** 'unregistered' | 'registering' | 'registered' | 'rejected' */
  registration: 'unregistered',
  /** Final response to the last REGISTER the app saw (after sip.js answered any challenge). */
  registrationResponse: null,
  /** 'idle' | 'incoming' | 'calling' | 'established' | 'terminated' */
  callState: 'idle',
  /** 'local' | 'remote' | 'rejected' | 'cancelled' | null — who ended the last call. */
  endedBy: null,
  /** { requestUri, from, to, headers: { name: [values] }, sdp, receivedAt } of the last initial INVITE received. */
  lastInvite: null,
  /** { status, reason } of the last failed outgoing call. */
  lastFailure: null,
  /** Direction of the audio m-line in the SDP of the last re-INVITE received: sendrecv | sendonly | recvonly | inactive. */
  remoteDirection: null,
  /** DTMF received by SIP INFO: [{ signal, duration, contentType, body }]. */
  dtmfInfo: [],
  /** Received audio frames per `<payload type>:<mime>` in the current call (RFC 4733 events show as telephone-event). */
  rtpPayloads: {},
  /** Refer-To URI of the last REFER received (accepted with 202; followed only after `followRefer(true)`). */
  referTo: null,
  /** Calls that replaced an earlier one (INVITE with Replaces, RFC 3891: the far end of an attended transfer). */
  replacedCalls: 0,
  /** Every SIP message sent or received: [{ t, at, dir: 'out'|'in', line, cseq }], first line only (at = epoch ms). */
  sipLog: [],
  /** Errors the peer swallowed (failed answers, re-INVITEs…). */
  errors: [],
  register,
  unregister,
  answer,
  reject,
  call,
  hangup,
  hold: () => reinvite(true),
  unhold: () => reinvite(false),
  sendDtmf,
  refer,
  stats,
  hears,
  followRefer: (on) => void (following = on),
  stopSending,
  setMode,
  snapshot,
  dtmfRtpPackets,
};
window.peer = peer;

const userAgent = new UserAgent({
  uri: UserAgent.makeURI(`sip:${config.user}@${config.domain}`),
  transportOptions: { server: config.ws, traceSip: false },
  authorizationUsername: config.user,
  authorizationPassword: config.password,
  displayName: config.user,
  logLevel: 'warn',
  // The target of an attended transfer takes the transferee's INVITE with Replaces in place of the consult call.
  sipExtensionReplaces: 'Supported',
  // Tests reconnect explicitly (register() after a server restart); an automatic loop would hide what they check.
  reconnectionAttempts: 0,
  ...heldFactory,
  sessionDescriptionHandlerFactoryOptions: {
    // No public STUN server, and a short gathering timeout: host candidates are all there is.
    peerConnectionConfiguration: { iceServers: [] },
    iceGatheringTimeout: 500,
  },
  delegate: {
    onInvite,
    onConnect() {
      peer.transport = 'connected';
      render();
    },
    onDisconnect() {
      // The registration lives in the server's memory: when the socket is gone, so is it (for all we know).
      peer.transport = 'disconnected';
      if (peer.registration === 'registered') peer.registration = 'unregistered';
      render();
    },
  },
});
traceTransport(userAgent);
// sip.js refreshes at 99 % of the granted time by default: with Kamailio granting 30 s (firefox-calls) and keeping
// expiry in whole seconds, the binding lapsed for a moment before the refresh (challenge included) arrived, and a call
// in that moment got 480 from lookup(). Refresh at 80 %, well before expiry, as a real phone does.
const registerer = new Registerer(userAgent, { expires: 300, refreshFrequency: 80 });
registerer.stateChange.addListener((state) => {
  if (state === RegistererState.Registered) peer.registration = 'registered';
  else if (state === RegistererState.Unregistered && peer.registration === 'registered') peer.registration = 'unregistered';
  render();
});

/** @type {import('sip.js').Session | undefined} */
let session;
/** Whether a REFER is followed (the transferee of a transfer calls the Refer-To target). */
let following = false;
/** @type {Worker | undefined} counts received payload types for the current call */
let payloadWorker;

/** Logs the first line of every SIP message with a timestamp (for INVITE → 200 OK timings). */
function traceTransport(ua) {
  traceSip(ua.transport, (dir, line, cseq) => {
    peer.sipLog.push({ t: now(), at: performance.timeOrigin + performance.now(), dir, line, cseq });
    if (peer.sipLog.length > 500) peer.sipLog.shift();
  });
}

/** Connects if needed (first use, or after the server went away) and registers. Resolves with the outcome. */
async function register() {
  if (!userAgent.isConnected()) {
    if (userAgent.state === 'Started') await userAgent.reconnect();
    else await userAgent.start();
  }
  peer.registration = 'registering';
  render();
  return new Promise((resolve) => {
    registerer
      .register({
        requestDelegate: {
          onAccept(response) {
            peer.registration = 'registered';
            peer.registrationResponse = { status: response.message.statusCode, reason: response.message.reasonPhrase };
            render();
            resolve({ ok: true, ...peer.registrationResponse });
          },
          onReject(response) {
            peer.registration = 'rejected';
            peer.registrationResponse = { status: response.message.statusCode, reason: response.message.reasonPhrase };
            render();
            resolve({ ok: false, ...peer.registrationResponse });
          },
        },
      })
      .catch((error) => {
        peer.registration = 'rejected';
        peer.errors.push(`register: ${error.message}`);
        resolve({ ok: false, status: 0, reason: error.message });
      });
  });
}

async function unregister() {
  if (peer.registration === 'registered') await registerer.unregister();
  peer.registration = 'unregistered';
}

function setMode(mode) {
  if (!MODES.includes(mode)) throw new Error(`peer: unknown mode ${mode}`);
  config.mode = mode;
}

function headersOf(message) {
  const headers = {};
  for (const [name, values] of Object.entries(message.headers)) headers[name] = values.map((value) => value.raw);
  return headers;
}

function onInvite(invitation) {
  const request = invitation.request;
  peer.lastInvite = {
    requestUri: request.ruri.toString(),
    from: request.getHeader('From'),
    to: request.getHeader('To'),
    headers: headersOf(request),
    sdp: request.body ?? '',
    receivedAt: now(),
  };
  if (invitation.replacee) {
    // In 'busy' mode the target refuses to take the transferee's call (a failed attended transfer).
    if (config.mode === 'busy') {
      void invitation.reject({ statusCode: 486 });
      return;
    }
    // sip.js ends the replaced call with a BYE once this one is accepted.
    peer.replacedCalls += 1;
    adopt(invitation);
    void answer().catch((error) => peer.errors.push(`replaces: ${error.message}`));
    return;
  }
  if (session && session.state !== SessionState.Terminated) {
    void invitation.reject({ statusCode: 486 });
    return;
  }
  adopt(invitation);
  peer.callState = 'incoming';
  render();
  switch (config.mode) {
    case 'busy':
      void reject(486);
      break;
    case 'decline':
      void reject(603);
      break;
    case 'ring-only':
      break;
    case 'answer':
      setTimeout(() => void answer().catch((error) => peer.errors.push(`auto-answer: ${error.message}`)), config.answerDelay);
      break;
    case 'call':
      break;
  }
}

/** Makes `s` the current call: watches its state, in-dialog requests and media. */
function adopt(s) {
  session = s;
  peer.endedBy = null;
  peer.remoteDirection = null;
  peer.rtpPayloads = {};
  rtpEvents = [];
  s.delegate = {
    onBye(bye) {
      // With an onBye delegate, sip.js leaves answering the BYE to us.
      peer.endedBy = 'remote';
      void bye.accept();
    },
    onInfo(info) {
      const body = info.request.body ?? '';
      const contentType = info.request.getHeader('Content-Type') ?? '';
      peer.dtmfInfo.push({
        signal: /^Signal\s*=\s*(\S+)/im.exec(body)?.[1] ?? null,
        duration: Number(/^Duration\s*=\s*(\d+)/im.exec(body)?.[1] ?? NaN),
        contentType,
        body,
      });
      void info.accept();
    },
    onInvite(request) {
      peer.remoteDirection = audioDirection(request.body ?? '');
      render();
    },
    onRefer(referral) {
      peer.referTo = referral.referTo.uri.toString();
      void referral.accept();
      if (!following) return;
      // The transferee: call the target (with Replaces for an attended transfer); sip.js NOTIFYs the referrer.
      const inviter = referral.makeInviter({ sessionDescriptionHandlerOptions: MEDIA });
      adopt(inviter);
      peer.callState = 'calling';
      inviter.invite().catch((error) => peer.errors.push(`refer: ${error.message}`));
    },
    onSessionDescriptionHandler(sdh) {
      // The transform must be on the receiver before the offer is made: set later (e.g. in ontrack on the offerer's
      // side, which fires when the answer arrives) Chromium has already short-circuited the receiver and no frame
      // ever reaches the worker. So watch receivers as soon as addTrack creates them, and in ontrack for answers.
      const pc = sdh.peerConnection;
      const addTrack = pc.addTrack.bind(pc);
      pc.addTrack = (...args) => {
        const sender = addTrack(...args);
        for (const transceiver of pc.getTransceivers()) watchPayloads(transceiver.receiver);
        return sender;
      };
      sdh.peerConnectionDelegate = { ontrack: (event) => watchPayloads(event.receiver) };
    },
  };
  s.stateChange.addListener((state) => {
    if (s !== session) return;
    if (state === SessionState.Established) {
      peer.callState = 'established';
      playRemoteAudio(s);
    } else if (state === SessionState.Terminated) {
      peer.callState = 'terminated';
      peer.endedBy ??= 'local';
      payloadWorker?.terminate();
      payloadWorker = undefined;
    }
    render();
  });
}

/**
 * Counts received audio frames per payload type with an encoded transform. Browsers do not surface received
 * RFC 4733 events anywhere else (no track event, no getStats counter), but Chromium passes telephone-event packets
 * through the receiver's transform.
 */
function watchPayloads(receiver) {
  if (typeof RTCRtpScriptTransform !== 'function' || receiver.track.kind !== 'audio' || receiver.transform) return;
  payloadWorker ??= new Worker(new URL('./payload-watch-worker.js', import.meta.url));
  payloadWorker.onmessage = (event) => {
    if (event.data?.type !== 'payloads') return;
    peer.rtpPayloads = Object.fromEntries(event.data.counts);
    rtpEvents = event.data.events;
  };
  payloadWorker.onerror = (event) => peer.errors.push(`payload watch worker: ${event.message}`);
  receiver.transform = new RTCRtpScriptTransform(payloadWorker, {});
}

/** [payloadType, rtpTimestamp, event code] of the received frames that may be RFC 4733 events (see the worker). */
let rtpEvents = [];

/** The payload types the current call's SDP gives telephone-event. */
function telephoneEventTypes() {
  const pc = session?.sessionDescriptionHandler?.peerConnection;
  const sdp = `${pc?.localDescription?.sdp ?? ''}\n${pc?.remoteDescription?.sdp ?? ''}`;
  return new Set([...sdp.matchAll(/^a=rtpmap:(\d+) telephone-event\//gim)].map((m) => m[1]));
}

/** The digits received as RFC 4733 telephone-events in the current call, in order ("204"): one per event timestamp. */
function dtmfRtpDigits() {
  const eventTypes = telephoneEventTypes();
  const seen = new Set();
  let digits = '';
  for (const [payloadType, timestamp, code] of rtpEvents) {
    if (!eventTypes.has(String(payloadType)) || seen.has(timestamp)) continue;
    seen.add(timestamp);
    digits += '0123456789*#ABCD'[code] ?? '?';
  }
  return digits;
}

/** Received audio frames that were RFC 4733 telephone-events in the current call. */
function dtmfRtpPackets() {
  const eventTypes = telephoneEventTypes();
  let count = 0;
  for (const [key, n] of Object.entries(peer.rtpPayloads)) {
    const [payloadType, mime] = key.split(':');
    if (eventTypes.has(payloadType) || /telephone-event/i.test(mime ?? '')) count += n;
  }
  return count;
}

function audioDirection(sdp) {
  const sections = sdp.split(/^m=/m);
  const audio = sections.find((section) => section.startsWith('audio')) ?? '';
  const pick = (text) => /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(text)?.[1];
  return pick(audio) ?? pick(sections[0] ?? '') ?? 'sendrecv';
}

async function answer() {
  if (!session || !('accept' in session)) throw new Error('peer: no incoming call to answer');
  await session.accept({ sessionDescriptionHandlerOptions: MEDIA });
}

async function reject(statusCode = 486) {
  if (!session || !('reject' in session)) throw new Error('peer: no incoming call to reject');
  peer.endedBy = 'rejected';
  await session.reject({ statusCode });
}

/**
 * Calls `target` (a user of the domain or a full SIP URI). Resolves once the call is answered or has failed:
 * `{ ok, status, reason, setupMs }` — setupMs from invite() to the final response.
 * `from` plays a hostile caller: `displayName` and/or `uri` replace the From header's (Kamailio asks no credentials
 * of a caller from another domain); `extraHeaders` adds header lines to the INVITE (e.g. an intercom request).
 */
function call(target, from = {}) {
  const uri = UserAgent.makeURI(target.startsWith('sip:') ? target : `sip:${target}@${config.domain}`);
  if (!uri) throw new Error(`peer: bad target ${target}`);
  const params = {
    ...(from.displayName !== undefined ? { fromDisplayName: from.displayName } : {}),
    ...(from.uri !== undefined ? { fromUri: from.uri } : {}),
  };
  const extraHeaders = Array.isArray(from.extraHeaders) ? from.extraHeaders : [];
  const inviter = new Inviter(userAgent, uri, { sessionDescriptionHandlerOptions: MEDIA, params, extraHeaders });
  adopt(inviter);
  peer.callState = 'calling';
  peer.lastFailure = null;
  render();
  const started = performance.now();
  return new Promise((resolve) => {
    const settle = (ok, status, reason) => resolve({ ok, status, reason, setupMs: Math.round(performance.now() - started) });
    inviter
      .invite({
        requestDelegate: {
          onAccept: (response) => settle(true, response.message.statusCode, response.message.reasonPhrase),
          onReject(response) {
            peer.endedBy = 'rejected';
            peer.lastFailure = { status: response.message.statusCode, reason: response.message.reasonPhrase };
            settle(false, response.message.statusCode, response.message.reasonPhrase);
          },
        },
      })
      .catch((error) => {
        peer.errors.push(`call: ${error.message}`);
        peer.lastFailure = { status: 0, reason: error.message };
        settle(false, 0, error.message);
      });
  });
}

async function hangup() {
  if (!session) return;
  switch (session.state) {
    case SessionState.Initial:
    case SessionState.Establishing:
      if (session instanceof Inviter) {
        peer.endedBy = 'cancelled';
        await session.cancel();
      } else {
        await reject(480);
      }
      break;
    case SessionState.Established:
      peer.endedBy = 'local';
      await session.bye();
      break;
    default:
      break;
  }
}

/** Re-INVITE with our audio sendonly (hold) or back to sendrecv. Resolves with the final response. */
function reinvite(hold) {
  if (session?.state !== SessionState.Established) throw new Error('peer: no established call');
  session.sessionDescriptionHandlerOptionsReInvite = { ...MEDIA, hold };
  return new Promise((resolve, reject) => {
    session
      .invite({
        requestDelegate: {
          onAccept: (response) => resolve({ ok: true, status: response.message.statusCode }),
          onReject: (response) => resolve({ ok: false, status: response.message.statusCode }),
        },
      })
      .catch(reject);
  });
}

/** method 'info' (SIP INFO, application/dtmf-relay) or 'rfc4733' (RTP telephone-event via RTCDTMFSender). */
async function sendDtmf(tones, { method = 'info', duration = 100 } = {}) {
  if (session?.state !== SessionState.Established) throw new Error('peer: no established call');
  if (method === 'rfc4733') {
    if (!session.sessionDescriptionHandler.sendDtmf(tones, { duration })) throw new Error('peer: RTCDTMFSender refused');
    return;
  }
  for (const tone of tones) {
    await new Promise((resolve, reject) => {
      session
        .info({
          requestDelegate: { onAccept: resolve, onReject: (response) => reject(new Error(`INFO ${response.message.statusCode}`)) },
          requestOptions: {
            body: {
              contentDisposition: 'render',
              contentType: 'application/dtmf-relay',
              content: `Signal=${tone}\r\nDuration=${duration}`,
            },
          },
        })
        .catch(reject);
    });
  }
}

/** Blind transfer: REFER with Refer-To `target`. Resolves with the REFER's final response. */
function refer(target) {
  if (session?.state !== SessionState.Established) throw new Error('peer: no established call');
  const uri = UserAgent.makeURI(target.startsWith('sip:') ? target : `sip:${target}@${config.domain}`);
  return new Promise((resolve, reject) => {
    session
      .refer(uri, {
        requestDelegate: {
          onAccept: (response) => resolve({ ok: true, status: response.message.statusCode }),
          onReject: (response) => resolve({ ok: false, status: response.message.statusCode }),
        },
      })
      .catch(reject);
  });
}

/** @type {{ context: AudioContext, analyser: AnalyserNode, stream: MediaStream } | undefined} */
let listening;
/**
 * How loud `hz` is in the audio received now, in dB full scale (the analyser's level of that frequency's bins).
 * Averaged over `ms` to ride over packet jitter.
 */
async function hears(hz, ms = 600) {
  const stream = session?.sessionDescriptionHandler?.remoteMediaStream;
  if (!stream || session.state !== SessionState.Established) return 0;
  if (listening?.stream !== stream) {
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 8192;
    context.createMediaStreamSource(stream).connect(analyser);
    listening = { context, analyser, stream };
  }
  const { context, analyser } = listening;
  await context.resume();
  const bins = new Float32Array(analyser.frequencyBinCount);
  const bin = Math.round(hz / (context.sampleRate / analyser.fftSize));
  let sum = 0;
  let n = 0;
  for (const end = performance.now() + ms; performance.now() < end; n++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    analyser.getFloatFrequencyData(bins);
    sum += Math.max(bins[bin - 1] ?? -200, bins[bin] ?? -200, bins[bin + 1] ?? -200, -200);
  }
  return n ? sum / n : 0;
}

/**
 * Stops (true) or resumes (false) sending audio in the current call, as a peer whose media died would: the
 * senders' encodings are made inactive, so no RTP leaves while ICE, DTLS and RTCP stay up.
 */
async function stopSending(stop) {
  const pc = session?.sessionDescriptionHandler?.peerConnection;
  if (!pc) throw new Error('peer: no call to stop sending in');
  for (const sender of pc.getSenders()) {
    const parameters = sender.getParameters();
    if (!parameters.encodings?.length) continue;
    for (const encoding of parameters.encodings) encoding.active = !stop;
    await sender.setParameters(parameters);
  }
}

/** Audio counters of the current call from getStats (zeros without one). */
async function stats() {
  const result = { packetsReceived: 0, packetsSent: 0, bytesReceived: 0, audioLevel: 0, totalAudioEnergy: 0, localAudioEnergy: 0 };
  const pc = session?.sessionDescriptionHandler?.peerConnection;
  if (!pc) return result;
  for (const report of (await pc.getStats()).values()) {
    if (report.kind !== 'audio') continue;
    if (report.type === 'inbound-rtp') {
      result.packetsReceived += report.packetsReceived ?? 0;
      result.bytesReceived += report.bytesReceived ?? 0;
      result.audioLevel = Math.max(result.audioLevel, report.audioLevel ?? 0);
      result.totalAudioEnergy += report.totalAudioEnergy ?? 0;
    } else if (report.type === 'outbound-rtp') {
      result.packetsSent += report.packetsSent ?? 0;
    } else if (report.type === 'media-source') {
      result.localAudioEnergy += report.totalAudioEnergy ?? 0;
    }
  }
  return result;
}

function snapshot() {
  const data = Object.fromEntries(Object.entries(peer).filter(([, value]) => typeof value !== 'function'));
  return structuredClone({ ...data, dtmfRtpPackets: dtmfRtpPackets(), dtmfRtpDigits: dtmfRtpDigits() });
}

function render() {
  document.getElementById('status').textContent =
    `${config.user}@${config.domain} [${config.mode}] ${peer.transport} registration=${peer.registration} call=${peer.callState}`;
}

render();
document.getElementById('title').textContent = `SIP test peer: ${config.user}`;
document.documentElement.dataset.ready = 'true';
