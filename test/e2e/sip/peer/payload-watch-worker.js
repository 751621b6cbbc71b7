// Encoded-transform worker for the test peer: passes every received audio frame through unchanged and reports its
// RTP payload type and MIME type to the page. Chromium hands RFC 4733 telephone-event packets to the receiver's
// frame transformer too (they never reach a MediaStreamTrack or getStats), so this is how the peer sees them.
// https://w3c.github.io/webrtc-encoded-transform/#rtcrtpscripttransform

self.onrtctransform = (event) => {
  const { readable, writable } = event.transformer;
  const counts = new Map();
  let flushQueued = false;
  const flush = () => {
    flushQueued = false;
    self.postMessage({ type: 'payloads', counts: [...counts] });
  };
  readable
    .pipeThrough(
      new TransformStream({
        transform(frame, controller) {
          const meta = frame.getMetadata();
          const key = `${meta.payloadType}:${meta.mimeType ?? ''}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
          if (!flushQueued) {
            flushQueued = true;
            setTimeout(flush, 50);
          }
          controller.enqueue(frame);
        },
      }),
    )
    .pipeTo(writable)
    .catch(() => {
      // The call ended or the transform was replaced.
    });
};
