// Encoded-transform worker for the test peer: passes every received audio frame through unchanged and reports its
// RTP payload type and MIME type to the page. Chromium hands RFC 4733 telephone-event packets to the receiver's
// frame transformer too (they never reach a MediaStreamTrack or getStats), so this is how the peer sees them.
// https://w3c.github.io/webrtc-encoded-transform/#rtcrtpscripttransform

self.onrtctransform = (event) => {
  const { readable, writable } = event.transformer;
  const counts = new Map();
  // RFC 4733 §2.3 payloads (4 bytes: event code, end bit and volume, duration) as [payloadType, rtpTimestamp, event]:
  // one digit is several packets with the same timestamp, so the page can tell which digits arrived, in order.
  const events = [];
  let flushQueued = false;
  const flush = () => {
    flushQueued = false;
    self.postMessage({ type: 'payloads', counts: [...counts], events });
  };
  readable
    .pipeThrough(
      new TransformStream({
        transform(frame, controller) {
          const meta = frame.getMetadata();
          const key = `${meta.payloadType}:${meta.mimeType ?? ''}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
          if (/telephone-event/i.test(meta.mimeType ?? '') || frame.data.byteLength === 4) {
            events.push([meta.payloadType, meta.rtpTimestamp ?? meta.timestamp ?? 0, new Uint8Array(frame.data)[0]]);
          }
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
