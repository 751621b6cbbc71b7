import { readFileSync } from 'node:fs';

/**
 * Code the call bench runs inside the offscreen document, as plain JavaScript strings: puppeteer serializes
 * functions with `toString()`, and tsx (esbuild `keepNames`) would leave `__name(...)` helper calls in them that the
 * page lacks (see page-probes.ts). Test instrumentation only; the extension itself has none of it.
 */

/** test/e2e/sip/peer/trace-transport.js (plain JavaScript) as a function declaration to inline: `traceTransport`. */
const TRACE_TRANSPORT = readFileSync(new URL('../e2e/sip/peer/trace-transport.js', import.meta.url), 'utf8').replace(/^export /m, '');

/**
 * Stamps every SIP message the engine's transport sends or receives into `globalThis.benchLog`
 * ({ at: epoch ms, dir, line: first line, cseq }), marks when the engine's dial() is entered and getUserMedia starts
 * and resolves (`globalThis.benchMarks`: { what, at }), and keeps every microphone track the engine opens in
 * `globalThis.benchTracks`, so the bench can check that none stays open between calls.
 */
export const INSTRUMENT_ENGINE = `(() => {
  ${TRACE_TRANSPORT}
  const transport = globalThis.dialableEngine.connection.userAgent?.transport;
  if (!transport) throw new Error('the engine has no SIP transport');
  globalThis.benchLog = [];
  traceTransport(transport, (dir, line, cseq) => globalThis.benchLog.push({ at: performance.timeOrigin + performance.now(), dir, line, cseq }));
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
