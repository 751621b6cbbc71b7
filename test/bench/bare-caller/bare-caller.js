// The call bench's baseline caller: what a web page using sip.js directly does on a click, with the same sip.js
// version and the same media options as Dialable's engine (background/engine/connection.ts and engine.ts): no ICE
// servers, a 500 ms ICE gathering cap, audio only. It registers first, as Dialable does, so both callers are in the
// same state when the click comes. With `bare.hostShortcut` set, it also sends the SDP as soon as the UDP host
// candidates have settled, as Dialable's engine does without ICE servers (background/engine/host-candidates.ts), so
// the bench can tell the extension's own overhead from that engine change. Timings are epoch milliseconds (performance.timeOrigin + performance.now()), the
// clock the other pages of the bench use too.

import { Inviter, Registerer, SessionState, UserAgent, Web } from '/node_modules/sip.js/lib/index.js';
// The bench serves test/e2e/sip/peer/ at /peer/ beside this folder.
import { traceTransport } from '/peer/trace-transport.js';
import { playRemoteAudio } from '/peer/play-remote-audio.js';

const query = new URL(location.href).searchParams;
const config = {
  ws: query.get('ws') ?? '',
  user: query.get('user') ?? '',
  password: query.get('password') ?? '',
  domain: query.get('domain') ?? 'dialable.test',
  target: query.get('target') ?? '',
};
const epoch = () => performance.timeOrigin + performance.now();

const bare = {
  /** 'idle' | 'calling' | 'established' | 'terminated' */
  callState: 'idle',
  registered: false,
  /** Same ICE gathering shortcut as Dialable's engine (see above). */
  hostShortcut: false,
  /** Epoch ms of the last trusted click on the button. */
  clickedAt: null,
  /** Every SIP message sent or received: [{ at, dir, line, cseq }], first line only. */
  sipLog: [],
  /** getUserMedia called and resolved: [{ what: 'getUserMedia' | 'microphone', at }]. */
  marks: [],
  errors: [],
  start,
  hangup,
  setHostShortcut: (on) => (bare.hostShortcut = on),
  clearLog: () => {
    bare.sipLog = [];
    bare.marks = [];
  },
  snapshot: () => structuredClone(Object.fromEntries(Object.entries(bare).filter(([, v]) => typeof v !== 'function'))),
};
window.bare = bare;

const userAgent = new UserAgent({
  uri: UserAgent.makeURI(`sip:${config.user}@${config.domain}`),
  transportOptions: { server: config.ws, traceSip: false },
  authorizationUsername: config.user,
  authorizationPassword: config.password,
  logLevel: 'warn',
  reconnectionAttempts: 0,
  sessionDescriptionHandlerFactory: (session, options) => {
    const sdh = Web.defaultSessionDescriptionHandlerFactory()(session, options);
    if (!bare.hostShortcut) return sdh;
    let timer;
    sdh.peerConnectionDelegate = {
      onicecandidate: (event) => {
        if (event.candidate?.protocol !== 'udp') return;
        clearTimeout(timer);
        timer = setTimeout(() => sdh.iceGatheringComplete(), 25);
      },
    };
    return sdh;
  },
  sessionDescriptionHandlerFactoryOptions: {
    peerConnectionConfiguration: { iceServers: [] },
    iceGatheringTimeout: 500,
  },
});
const registerer = new Registerer(userAgent, { expires: 600 });
let session;

// First line and CSeq of every SIP message, with the time it was sent or arrived.
traceTransport(userAgent.transport, (dir, line, cseq) => bare.sipLog.push({ at: epoch(), dir, line, cseq }));

{
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    bare.marks.push({ what: 'getUserMedia', at: epoch() });
    const stream = await getUserMedia(constraints);
    bare.marks.push({ what: 'microphone', at: epoch() });
    return stream;
  };
}

async function start() {
  await userAgent.start();
  await new Promise((resolve, reject) => {
    registerer
      .register({
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (response) => reject(new Error(`REGISTER ${response.message.statusCode}`)),
        },
      })
      .catch(reject);
  });
  bare.registered = true;
  render();
}

function call() {
  const inviter = new Inviter(userAgent, UserAgent.makeURI(config.target), {
    sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
  });
  session = inviter;
  bare.callState = 'calling';
  inviter.stateChange.addListener((state) => {
    if (inviter !== session) return;
    if (state === SessionState.Established) {
      bare.callState = 'established';
      playRemoteAudio(inviter);
    } else if (state === SessionState.Terminated) {
      bare.callState = 'terminated';
    }
    render();
  });
  inviter.invite().catch((error) => bare.errors.push(`invite: ${error.message}`));
  render();
}

async function hangup() {
  if (!session) return;
  if (session.state === SessionState.Established) await session.bye();
  else if (session.state === SessionState.Establishing) await session.cancel();
}

document.getElementById('call').addEventListener('click', (event) => {
  if (!event.isTrusted) return;
  bare.clickedAt = performance.timeOrigin + event.timeStamp;
  call();
});

function render() {
  document.getElementById('status').textContent = `${config.user}@${config.domain} registered=${bare.registered} call=${bare.callState}`;
}
render();
document.documentElement.dataset.ready = 'true';
