import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Connection } from '../../../background/engine/connection';
import { BACKOFF_MAX_MS } from '../../../src/call/backoff';
import { connectFailureReason, type TlsProbe } from '../../../src/call/connect-failure-reason';
import { RegistrationState as R } from '../../../src/call/registration-state';
import type { FakeSipServer } from './fake-sip-server';
import { startConnectionBed } from './connection-bed';
import { ACCOUNT, until, wait } from './sip-test-bed';

/** A wss:// server whose WebSocket does not open: the engine asks over HTTPS why, and says so with the fix-it address. */
describe('a wss:// server that cannot be connected to', () => {
  let server: FakeSipServer;
  let connection: Connection;
  let end: () => Promise<void>;
  let probe: TlsProbe;
  let probed: string[];

  beforeEach(() => {
    probed = [];
    probe = 'tls-failed';
    const tlsProbe = async (address: string) => {
      probed.push(address);
      return probe;
    };
    ({ server, connection, end } = startConnectionBed({}, { tlsProbe }));
  });

  afterEach(() => end());

  test('an untrusted certificate: its own sentence and the https:// address, until it connects', async () => {
    server.reachable = false;
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Waiting, 'waiting');
    expect(probed).toEqual(['https://sip.example.org/']);
    expect(connection.message).toContain(connectFailureReason(ACCOUNT.server, 'tls-failed').message);
    expect(connection.fixUrl).toBe('https://sip.example.org/');
    expect(connection.fixField).toBe('server');

    // The user accepted the certificate: the next try registers and the link goes away.
    server.reachable = true;
    await wait(BACKOFF_MAX_MS);
    expect(connection.state).toBe(R.Registered);
    expect(connection.fixUrl).toBeUndefined();
  });

  test('when the browser cannot tell why, the sentence names both causes', async () => {
    probe = 'unknown';
    server.reachable = false;
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Waiting, 'waiting');
    expect(connection.message).toContain(connectFailureReason(ACCOUNT.server, 'unknown').message);
    expect(connection.fixUrl).toBe('https://sip.example.org/');
  });

  test('a ws:// server is not probed', async () => {
    server.reachable = false;
    await connection.configure({ ...ACCOUNT, server: 'ws://sip.example.org' });
    await until(() => connection.state === R.Waiting, 'waiting');
    expect(probed).toEqual([]);
    expect(connection.fixUrl).toBeUndefined();
  });
});
