import type { TlsProbe } from '../../src/call/connect-failure-reason';

/** Long enough for a slow TLS handshake; short, because the retry waits for it. */
const PROBE_TIMEOUT_MS = 3_000;
/** Firefox adds the failed fetch's Resource Timing entry a moment after the fetch rejects. */
const ENTRY_WAIT_MS = 1_000;
const ENTRY_POLL_MS = 50;

/**
 * Asks `httpsAddress` (a wss:// server's `https://host:port/`) once over HTTPS after its WebSocket failed, to tell an
 * untrusted certificate from an unreachable server (see {@link TlsProbe}). `no-cors` and no credentials: nothing is
 * read from the answer and no cookie is sent; the request is a plain GET, which SIP servers' web listeners answer
 * or refuse.
 *
 * A failed fetch says nothing in its error. Its Resource Timing entry does, in Firefox: when TCP connected and the
 * TLS handshake then failed, `connectEnd` is later than `connectStart`; when the connection was refused, Firefox has
 * no connect end and reports `connectStart` for it (a refused or unresolvable request may also have no entry). With
 * 1 ms timer precision a very fast handshake failure can read as equal: that errs towards `unknown`, never towards
 * blaming the certificate. Chromium zeroes these timings for cross-origin requests, so there the answer is `unknown`.
 * The entries are cleared afterwards: the buffer holds 250, and nothing else in the engine page reads them.
 */
export async function probeTls(httpsAddress: string, entryWaitMs = ENTRY_WAIT_MS): Promise<TlsProbe> {
  const entries = () => performance.getEntriesByName(httpsAddress, 'resource') as PerformanceResourceTiming[];
  const before = entries().length;
  try {
    await fetch(httpsAddress, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return 'reachable';
  } catch {
    for (let waited = 0; entries().length <= before && waited < entryWaitMs; waited += ENTRY_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, ENTRY_POLL_MS));
    }
    const entry = entries().length > before ? entries().at(-1) : undefined;
    return entry && entry.connectStart > 0 && entry.connectEnd > entry.connectStart ? 'tls-failed' : 'unknown';
  } finally {
    performance.clearResourceTimings();
  }
}
