/** Hosts where plain `ws://` is acceptable: the traffic never leaves this computer. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What is wrong with a SIP WebSocket server address, as a code (pages turn it into a sentence). */
export type ServerProblem = 'invalid' | 'plainWs' | 'scheme';

/**
 * Checks a server address the way the account form does, for every way one arrives (form, settings file, policy):
 * `wss://`, or `ws://` to this computer only — plain WebSocket elsewhere would send the SIP password's digest and
 * every call's signalling readable to the network. Without i18n, so the content script can bundle it.
 */
export function serverProblem(server: string): ServerProblem | undefined {
  let url: URL;
  try {
    url = new URL(server.trim());
  } catch {
    return 'invalid';
  }
  if (url.protocol === 'ws:') return LOOPBACK_HOSTS.has(url.hostname) ? undefined : 'plainWs';
  if (url.protocol !== 'wss:') return 'scheme';
  return url.hostname ? undefined : 'invalid';
}
