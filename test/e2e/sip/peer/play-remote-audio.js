// Plain JavaScript, no build step, shared by the peer page (peer.js) and the call bench's bare caller (served with
// this folder at /peer/): both pages have an <audio id="remote">.

/** Plays an established sip.js session's remote audio in the page's `<audio id="remote">`. */
export function playRemoteAudio(session) {
  const audio = document.getElementById('remote');
  audio.srcObject = session.sessionDescriptionHandler.remoteMediaStream;
  void audio.play().catch(() => {});
}
