import { Web, type SessionDescriptionHandlerFactory } from 'sip.js';

/**
 * How long to wait after the last UDP host candidate before the offer (or answer) goes out. Chromium gathers the UDP
 * host candidates of all interfaces within a millisecond or two of each other.
 */
const HOST_SETTLE_MS = 25;

/**
 * Wraps a session description handler factory (sip.js's own, or one with the engine host's microphone source),
 * for accounts without STUN/TURN servers.
 *
 * sip.js sends the SDP only once ICE gathering is "complete" (or its timeout). With no ICE servers every candidate is
 * a host candidate, and Chromium reports the UDP ones ~10 ms after setLocalDescription, but "complete" only ~110 ms
 * later, after its TCP phase (tcptype active, port 9: usable only against a passive ICE-TCP peer, which SIP servers
 * and media relays do not offer; with UDP blocked a TURN server is needed anyway). That wait was most of the time
 * between a click and the INVITE. Here the SDP goes out as soon as the UDP host candidates have settled; gathering
 * goes on, and sip.js's own complete/timeout still applies if no UDP candidate comes at all.
 */
export function hostCandidatesFactory(base: SessionDescriptionHandlerFactory = Web.defaultSessionDescriptionHandlerFactory()): SessionDescriptionHandlerFactory {
  return (session, options) => {
    const sdh = base(session, options) as Web.SessionDescriptionHandler;
    let timer: ReturnType<typeof setTimeout> | undefined;
    sdh.peerConnectionDelegate = {
      onicecandidate: (event) => {
        if (event.candidate?.protocol !== 'udp') return;
        clearTimeout(timer);
        timer = setTimeout(() => sdh.iceGatheringComplete(), HOST_SETTLE_MS);
      },
      onicegatheringstatechange: () => {
        if (sdh.peerConnection?.iceGatheringState === 'complete') clearTimeout(timer);
      },
    };
    return sdh;
  };
}
