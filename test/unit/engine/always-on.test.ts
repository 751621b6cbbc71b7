import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Connection } from '../../../background/engine/connection';
import { PRIMARY_CHECK_MS } from '../../../background/engine/primary-watch';
import { KEEPALIVE_ANSWER_MS, KEEPALIVE_EVERY_MS } from '../../../background/engine/keep-alive';
import { backoffWindow, STABLE_AFTER_MS } from '../../../src/call/backoff';
import { RegistrationState as R } from '../../../src/call/registration-state';
import { t } from '../../../src/i18n/t';
import type { FakeSipServer } from './fake-sip-server';
import { startConnectionBed } from './connection-bed';
import { ACCOUNT, until, wait } from './sip-test-bed';

const BACKUP = 'wss://backup.example.org';

/** The always-on phone: dead connections found, offline waited out, Retry-After obeyed, the backup server used. */
describe('always-on connection (Connection over a fake transport)', () => {
  let server: FakeSipServer;
  let connection: Connection;
  let end: () => Promise<void>;
  let busy: boolean;
  let reconnected: number;

  beforeEach(() => {
    busy = false;
    reconnected = 0;
    ({ server, connection, end } = startConnectionBed({ busy: () => busy, onReconnected: () => reconnected++ }));
  });

  afterEach(() => end());

  const registered = () => until(() => connection.state === R.Registered, 'registered');
  const options = () => server.sent.filter((m) => m.method === 'OPTIONS');
  const registers = () => server.sent.filter((m) => m.method === 'REGISTER');

  test('idle: an OPTIONS to the domain every 15 s; while answered, nothing else happens', async () => {
    await connection.configure(ACCOUNT);
    await registered();
    await wait(10 * 60_000);
    expect(options().length).toBe(Math.floor((10 * 60_000) / KEEPALIVE_EVERY_MS));
    expect(options()[0]?.raw).toMatch(/^OPTIONS sip:example\.org SIP\/2\.0/);
    expect(connection.state).toBe(R.Registered);
    expect(server.connectAttempts).toHaveLength(1);
  });

  test('a frozen server (socket open, nothing answered) is found within 25 s and the phone says so', async () => {
    await connection.configure(ACCOUNT);
    await registered();
    server.frozen = true;
    await wait(KEEPALIVE_EVERY_MS + KEEPALIVE_ANSWER_MS);
    expect(connection.state).not.toBe(R.Registered);
    expect(connection.message).toContain(t('registrationNoAnswer'));
    expect(connection.message).toMatch(/^Reconnecting… /);
    // Thawed: registered again on a new connection within the first backoff window plus a connect timeout.
    server.frozen = false;
    await wait(backoffWindow(1).max + 5_000);
    expect(connection.state).toBe(R.Registered);
  });

  test('a frozen registrar is never shown as Registered while frozen, however long', async () => {
    await connection.configure(ACCOUNT);
    await registered();
    server.frozen = true;
    const seen = new Set<R>();
    for (let s = 0; s < 300; s++) {
      await wait(1_000);
      if (s >= 25) seen.add(connection.state);
    }
    expect(seen.has(R.Registered)).toBe(false);
    server.frozen = false;
  });

  test('offline: the sentence at once, no attempt while offline, one at once when back', async () => {
    await connection.configure(ACCOUNT);
    await registered();
    connection.offline();
    expect(connection.state).toBe(R.Waiting);
    expect(connection.message).toBe(t('registrationOffline'));
    const attempts = server.connectAttempts.length;
    await wait(10 * 60_000);
    expect(server.connectAttempts).toHaveLength(attempts);
    connection.online();
    await registered();
    expect(server.connectAttempts).toHaveLength(attempts + 1);
  });

  test('503 with Retry-After: 20 — no REGISTER before 20 s, and the sentence says why', async () => {
    server.on('REGISTER', (m) => (m.header('Authorization') ? server.reply(m, 503, { headers: ['Retry-After: 20'] }) : server.registrar(m)));
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Waiting, 'waiting');
    expect(connection.message).toContain(t('registrationServerBusy', 503, 20));
    const after = registers().length;
    await wait(19_900);
    expect(registers()).toHaveLength(after);
    server.on('REGISTER', (m) => server.registrar(m));
    await wait(200);
    await registered();
  });

  test('a connection that held a minute starts the backoff again; a flapping one backs off further', async () => {
    await connection.configure(ACCOUNT);
    await registered();
    // Flapping: dropped at once after each registration, the windows grow.
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      const droppedAt = Date.now();
      server.drop();
      await until(() => connection.state === R.Waiting, 'waiting');
      for (let s = 0; s < 70 && connection.state !== R.Registered; s++) await wait(1_000);
      gaps.push(Date.now() - droppedAt);
    }
    gaps.forEach((gap, attempt) => expect(gap, `drop ${attempt}`).toBeLessThanOrEqual(backoffWindow(attempt).max + 1_000));
    // Stable for a minute: the next drop is retried within the first window again.
    await wait(STABLE_AFTER_MS);
    const droppedAt = Date.now();
    server.drop();
    await until(() => connection.state === R.Waiting, 'waiting');
    for (let s = 0; s < 70 && connection.state !== R.Registered; s++) await wait(1_000);
    expect(Date.now() - droppedAt).toBeLessThanOrEqual(backoffWindow(0).max + 1_000);
  });

  test('backup server: after 2 failures on the primary, registers on the backup; back to the primary once it answers', async () => {
    server.down.add(ACCOUNT.server);
    await connection.configure({ ...ACCOUNT, backupServer: BACKUP });
    for (let s = 0; s < 60 && connection.state !== R.Registered; s++) await wait(1_000);
    expect(connection.state).toBe(R.Registered);
    expect(server.connectUrls).toEqual([ACCOUNT.server, ACCOUNT.server, BACKUP]);
    expect(connection.message).toBe(t('registrationRegisteredBackup', 'alice@example.org', BACKUP));
    // The primary comes back: the next check moves the registration there (the backup's binding removed first).
    server.down.delete(ACCOUNT.server);
    const unregistersBefore = registers().filter((m) => /expires=0/.test(m.raw)).length;
    await wait(PRIMARY_CHECK_MS);
    await registered();
    expect(server.connectUrls.at(-1)).toBe(ACCOUNT.server);
    expect(connection.message).toBe(t('registrationRegistered', 'alice@example.org'));
    expect(registers().filter((m) => /expires=0/.test(m.raw)).length).toBeGreaterThan(unregistersBefore);
  });

  test('backup server: not used while the primary works; both down, attempts alternate two by two', async () => {
    server.reachable = false;
    await connection.configure({ ...ACCOUNT, backupServer: BACKUP });
    for (let s = 0; s < 120; s++) await wait(1_000);
    const order = server.connectUrls.slice(0, 6).map((u) => (u === BACKUP ? 'B' : 'P')).join('');
    expect(order).toBe('PPBBPP');
    server.reachable = true;
  });

  test('during a call, a lost connection is made again under the same UserAgent (the call lives on)', async () => {
    await connection.configure(ACCOUNT);
    await registered();
    const ua = connection.userAgent;
    busy = true;
    server.drop();
    await until(() => connection.state === R.Waiting, 'waiting');
    await wait(backoffWindow(0).max);
    await registered();
    expect(connection.userAgent).toBe(ua);
    expect(reconnected).toBe(1);
    busy = false;
  });

  test('signing out unregisters and stops retries; signing in registers again', async () => {
    await connection.configure(ACCOUNT);
    await registered();
    await connection.signOut();
    expect(connection.state).toBe(R.SignedOut);
    expect(connection.message).toBe(t('registrationSignedOut'));
    expect(registers().at(-1)?.raw).toMatch(/expires=0|Expires: 0/);
    const attempts = server.connectAttempts.length;
    await wait(10 * 60_000);
    expect(server.connectAttempts).toHaveLength(attempts);
    expect(options().filter((m) => m.at > Date.now() - 9 * 60_000)).toHaveLength(0);
    await connection.signIn();
    await registered();
  });

  test('outbound proxy: every request outside a dialog carries it as a Route header', async () => {
    await connection.configure({ ...ACCOUNT, outboundProxy: 'sip:proxy.example.org;lr' });
    await registered();
    await wait(KEEPALIVE_EVERY_MS);
    for (const request of [...registers(), ...options()]) expect(request.header('Route')).toBe('<sip:proxy.example.org;lr>');
    expect(options().length).toBeGreaterThan(0);
  });

  test('without an outbound proxy: no Route header', async () => {
    await connection.configure(ACCOUNT);
    await registered();
    expect(registers().every((m) => m.header('Route') === undefined)).toBe(true);
  });
});

