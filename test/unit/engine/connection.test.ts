import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Connection } from '../../../background/engine/connection';
import { BACKOFF_MAX_MS, BACKOFF_MIN_MS, backoffWindow } from '../../../src/call/backoff';
import { registrationFailureReason } from '../../../src/call/failure-reason';
import { RegistrationState as R } from '../../../src/call/registration-state';
import { t } from '../../../src/i18n/t';
import type { FakeSipServer } from './fake-sip-server';
import { startConnectionBed } from './connection-bed';
import { ACCOUNT, until, wait } from './sip-test-bed';

/** Registration against a fake server: the real sip.js UserAgent and Registerer, only the WebSocket is replaced. */
describe('registration (Connection over a fake transport)', () => {
  let server: FakeSipServer;
  let connection: Connection;
  let end: () => Promise<void>;
  let states: R[];

  beforeEach(() => {
    states = [];
    ({ server, connection, end } = startConnectionBed({ onChange: () => states.push(connection.state) }));
  });

  afterEach(() => end());

  const registers = () => server.sent.filter((m) => m.method === 'REGISTER');
  /** The Waiting sentence for `reason` with any whole number of seconds inside retry `attempt`'s window. */
  const nextTry = (reason: string, attempt: number) => {
    const { min, max } = backoffWindow(attempt);
    const seconds = Array.from({ length: Math.ceil(max / 1000) - Math.ceil(min / 1000) + 1 }, (_, i) => Math.ceil(min / 1000) + i);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^(${seconds.map((n) => escape(t('registrationNextTry', reason, n))).join('|')})$`);
  };

  test('registers with digest credentials after the 401 challenge', async () => {
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Registered, 'registered');
    const [first, second] = registers();
    expect(first?.header('Authorization')).toBeUndefined();
    // The fake registrar accepts only a digest response computed from the right password.
    expect(second?.header('Authorization')).toMatch(/^Digest .*username="alice".*realm="example.org"/);
    expect(registers()).toHaveLength(2);
    expect(states).toEqual([R.Connecting, R.Registering, R.Registered]);
    expect(connection.message).toBe(t('registrationRegistered', 'alice@example.org'));
  });

  test('a wrong password fails with the sentence that says so, and is not retried', async () => {
    server.password = 'something else';
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Failed, 'failed');
    expect(connection.message).toBe(registrationFailureReason('auth', { code: 401 }));
    expect(connection.fixField).toBe('password');
    await wait(10 * 60_000);
    expect(registers()).toHaveLength(2);
    expect(server.connectAttempts).toHaveLength(1);
    expect(connection.state).toBe(R.Failed);
  });

  test('403 fails for the account (username to check), and is not retried', async () => {
    server.registerStatus = 403;
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Failed, 'failed');
    expect(connection.message).toBe(registrationFailureReason('forbidden'));
    expect(connection.fixField).toBe('username');
    await wait(10 * 60_000);
    expect(registers()).toHaveLength(2);
  });

  test('503 from the registrar waits and tries again, then registers', async () => {
    server.registerStatus = 503;
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Waiting, 'waiting');
    expect(connection.message).toMatch(nextTry(registrationFailureReason('other', { code: 503 }), 0));
    server.registerStatus = undefined;
    await wait(backoffWindow(0).max);
    expect(connection.state).toBe(R.Registered);
  });

  test('an unreachable server is retried after 1–8 s, then in windows twice as wide, never more than 60 s apart', async () => {
    server.reachable = false;
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Waiting, 'waiting');
    expect(connection.message).toContain(registrationFailureReason('unreachable', { server: ACCOUNT.server }));
    await wait(15 * 60_000);
    const gaps = server.connectAttempts.slice(1).map((at, i) => at - (server.connectAttempts[i] as number));
    expect(gaps.length).toBeGreaterThan(15);
    gaps.forEach((gap, attempt) => {
      // The gap also holds the failed connection attempt itself (immediate with this fake transport).
      expect(gap, `retry ${attempt}`).toBeGreaterThanOrEqual(backoffWindow(attempt).min);
      expect(gap, `retry ${attempt}`).toBeLessThanOrEqual(backoffWindow(attempt).max);
    });
    // Jitter: once at the cap, retries do not all come exactly 60 s apart.
    expect(new Set(gaps.slice(-8)).size).toBeGreaterThan(1);
    expect(registers()).toHaveLength(0);

    server.reachable = true;
    await wait(BACKOFF_MAX_MS);
    expect(connection.state).toBe(R.Registered);
  });

  test('a dropped connection while registered reconnects and registers again within the first backoff', async () => {
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Registered, 'registered');
    server.drop();
    await until(() => connection.state === R.Waiting, 'waiting after the drop');
    expect(connection.message).toMatch(/^Reconnecting… /);
    expect(connection.message).toContain(t('registrationConnectionLost', ACCOUNT.server));
    await wait(backoffWindow(0).max);
    expect(connection.state).toBe(R.Registered);
    expect(server.transports).toHaveLength(2);
    expect(registers()).toHaveLength(4);
  });

  test('coming back online while waiting retries at once, in one loop only', async () => {
    server.reachable = false;
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Waiting, 'waiting');
    await wait(BACKOFF_MIN_MS);
    await wait(2 * BACKOFF_MIN_MS);
    const before = server.connectAttempts.length;
    server.reachable = true;
    connection.online();
    await until(() => connection.state === R.Registered, 'registered');
    expect(server.connectAttempts).toHaveLength(before + 1);
    server.drop();
    await until(() => connection.state === R.Waiting, 'waiting after the drop');
    await wait(10 * 60_000);
    // One reconnect (the old retry timer was cleared), not two racing loops.
    expect(server.connectAttempts).toHaveLength(before + 2);
    expect(connection.state).toBe(R.Registered);
  });

  test('a registrar that never answers: after 10 s it is a timeout, and the next try follows the backoff', async () => {
    server.on('REGISTER', () => undefined);
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Registering, 'registering');
    await wait(9_000);
    expect(connection.state).toBe(R.Registering);
    await wait(1_000);
    expect(connection.state).toBe(R.Waiting);
    expect(connection.message).toMatch(nextTry(registrationFailureReason('timeout'), 0));
    server.on('REGISTER', (m) => server.registrar(m));
    await wait(backoffWindow(0).max);
    expect(server.connectAttempts).toHaveLength(2);
    expect(connection.state).toBe(R.Registered);
  });

  test('the registration is refreshed at 90 % of the granted 600 s and stays up for an hour', async () => {
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Registered, 'registered');
    const registeredAt = Date.now();
    for (let minute = 0; minute < 60; minute++) await wait(60_000);
    expect(connection.state).toBe(R.Registered);
    // 600 s granted, refreshed at 90 % (540 s): six refreshes in an hour, on the same connection.
    expect(registers()).toHaveLength(2 + 6);
    expect(server.connectAttempts).toHaveLength(1);
    expect((registers()[2]?.at ?? 0) - registeredAt).toBe(540_000);
    expect(states.filter((s) => s !== R.Registered && s !== R.Registering)).toEqual([R.Connecting]);
  });
});
