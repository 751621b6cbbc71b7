import { connectFailureReason, httpsAddressOf, type ConnectFailure, type TlsProbe } from '../../src/call/connect-failure-reason';

/** Asks a wss:// server's https:// address how far a connection gets (see probe-tls.ts). */
export type TlsProber = (httpsAddress: string) => Promise<TlsProbe>;

/** The sentence (and fix-it address) for a WebSocket to `server` that did not open; probes only wss:// servers. */
export async function describeConnectFailure(server: string, probe: TlsProber | undefined): Promise<ConnectFailure> {
  const address = httpsAddressOf(server);
  return connectFailureReason(server, address && probe ? await probe(address) : undefined);
}
