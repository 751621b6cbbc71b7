import { t } from '../i18n/t';
import { registrationFailureReason } from './failure-reason';

/**
 * What an HTTPS request to a wss:// server's host and port showed after the WebSocket failed. A browser's WebSocket
 * never says why a connection failed, so the engine asks once more over HTTPS (see background/engine/probe-tls.ts):
 * - `reachable`: the server answered with a certificate the browser trusts, so TLS is not the problem;
 * - `tls-failed`: a TCP connection was made and then the request failed: the TLS handshake, in practice a
 *   certificate this browser does not trust (Firefox tells this apart; Chromium does not);
 * - `unknown`: it failed without saying how far it got: unreachable, or an untrusted certificate.
 */
export type TlsProbe = 'reachable' | 'tls-failed' | 'unknown';

/** Why connecting failed, and for wss:// servers the https:// address a user can open to see and accept the certificate. */
export interface ConnectFailure {
  message: string;
  fixUrl?: string;
}

/** The server's `https://host:port/`, or undefined when `server` is not a wss:// URL. */
export function httpsAddressOf(server: string): string | undefined {
  try {
    const url = new URL(server);
    return url.protocol === 'wss:' ? `https://${url.host}/` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sentence for a WebSocket that did not open. `probe` is left out for ws:// servers and where nothing was asked
 * (the engine's unit tests): then the plain "cannot reach" sentence.
 */
export function connectFailureReason(server: string, probe?: TlsProbe): ConnectFailure {
  const https = httpsAddressOf(server);
  if (!https || !probe || probe === 'reachable') return { message: registrationFailureReason('unreachable', { server }) };
  // Shown without the trailing slash, as people type it.
  const shown = https.slice(0, -1);
  if (probe === 'tls-failed') return { message: t('registrationCertificate', shown), fixUrl: https };
  return { message: t('registrationUnreachableOrCertificate', server, shown), fixUrl: https };
}
