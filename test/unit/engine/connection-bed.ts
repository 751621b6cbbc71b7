import { vi } from 'vitest';
import { Connection } from '../../../background/engine/connection';
import type { ConnectionDelegate, SipNetwork } from '../../../background/engine/sip-network';
import { logger } from '../../../src/logger';
import { FakeSipServer } from './fake-sip-server';
import { expectCleanEnd, useFakeClock, watchUnhandled } from './sip-test-bed';

/**
 * One Connection (the real sip.js UserAgent and Registerer) over a fresh {@link FakeSipServer}, on the fake clock;
 * `end()` tears it down and fails the test on any error the server or the process saw. For a `beforeEach`.
 */
export function startConnectionBed(delegate: Partial<ConnectionDelegate> = {}, network: Partial<SipNetwork> = {}): { server: FakeSipServer; connection: Connection; end(): Promise<void> } {
  useFakeClock();
  const unhandled = watchUnhandled();
  // sip.js reports the requests a dropped connection could not send; expected here.
  vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
  const server = new FakeSipServer();
  const connection = new Connection({ onChange: () => undefined, onInvite: () => undefined, ...delegate }, undefined, undefined, { ...server.network(), ...network });
  return {
    server,
    connection,
    end: async () => {
      await expectCleanEnd(connection, server, unhandled);
      vi.restoreAllMocks();
    },
  };
}
