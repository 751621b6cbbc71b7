/**
 * Code the call bench runs inside the offscreen document, as plain JavaScript strings: puppeteer serializes
 * functions with `toString()`, and tsx (esbuild `keepNames`) would leave `__name(...)` helper calls in them that the
 * page lacks (see page-probes.ts). Test instrumentation only; the extension itself has none of it.
 */

/**
 * Stamps every SIP message the engine's transport sends or receives into `globalThis.benchLog`
 * ({ at: epoch ms, dir, line: first line, cseq }), marks when the engine's dial() is entered and getUserMedia starts
 * and resolves (`globalThis.benchMarks`: { what, at }), and keeps every microphone track the engine opens in
 * `globalThis.benchTracks`, so the bench can check that none stays open between calls.
 */
export const INSTRUMENT_ENGINE = `(() => {
  const transport = globalThis.dialableEngine.connection.userAgent?.transport;
  if (!transport) throw new Error('the engine has no SIP transport');
  globalThis.benchLog = [];
  const record = (dir, message) => {
    const text = String(message);
    globalThis.benchLog.push({
      at: performance.timeOrigin + performance.now(),
      dir,
      line: text.slice(0, text.indexOf('\\r\\n')),
      cseq: /^CSeq:\\s*(.+)$/im.exec(text)?.[1]?.trim() ?? '',
    });
  };
  const send = transport.send.bind(transport);
  transport.send = (message) => {
    record('out', message);
    return send(message);
  };
  const onMessage = transport.onMessage;
  transport.onMessage = (message) => {
    record('in', message);
    onMessage?.(message);
  };
  globalThis.benchMarks = [];
  const mark = (what) => globalThis.benchMarks.push({ what, at: performance.timeOrigin + performance.now() });
  const engine = globalThis.dialableEngine;
  const dial = engine.dial.bind(engine);
  engine.dial = (...args) => {
    mark('dial');
    return dial(...args);
  };
  globalThis.benchTracks = [];
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    mark('getUserMedia');
    const stream = await getUserMedia(constraints);
    mark('microphone');
    globalThis.benchTracks.push(...stream.getAudioTracks());
    return stream;
  };
})()`;
