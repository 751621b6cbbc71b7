import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Inviter, UserAgent, type Invitation } from 'sip.js';
import { Call } from '../../../background/engine/call';
import { Connection } from '../../../background/engine/connection';
import { CallState as C } from '../../../src/call/call-state';
import { callFailureReason } from '../../../src/call/failure-reason';
import { RegistrationState as R } from '../../../src/call/registration-state';
import { t } from '../../../src/i18n/t';
import { FakeMedia, FakeSipServer, fakeMedia } from './fake-sip-server';
import { ACCOUNT, settle, until, useFakeClock, watchUnhandled, expectCleanEnd } from './sip-test-bed';

/** Calls through the real sip.js Inviter/Invitation over a fake transport and fake media. */
describe('calls (Call over a fake transport)', () => {
  let server: FakeSipServer;
  let unhandled: ReturnType<typeof watchUnhandled>;
  let connection: Connection;
  let invitations: Invitation[];
  let media: FakeMedia[];
  let states: C[];

  beforeEach(async () => {
    useFakeClock();
    unhandled = watchUnhandled();
    server = new FakeSipServer();
    invitations = [];
    media = [];
    states = [];
    connection = new Connection(
      { onChange: () => undefined, onInvite: (invitation) => invitations.push(invitation) },
      undefined,
      undefined,
      server.network(fakeMedia(media)),
    );
    await connection.configure(ACCOUNT);
    await until(() => connection.state === R.Registered, 'registered');
  });

  afterEach(async () => {
    await expectCleanEnd(connection, server, unhandled);
  });

  function track(call: Call): Call {
    call.machine.onChange((state) => states.push(state));
    return call;
  }

  async function dial(number = '2135550100'): Promise<Call> {
    const ua = connection.userAgent as UserAgent;
    const uri = UserAgent.makeURI(`sip:${number}@example.org`);
    if (!uri) throw new Error('bad uri');
    const inviter = new Inviter(ua, uri, { earlyMedia: true });
    const call = track(new Call(inviter, 'outgoing', number, { onChange: () => undefined, onRemoteMedia: () => undefined }));
    await call.invite();
    return call;
  }

  test('outgoing: INVITE with an offer, 180 rings, 200 connects (ACK), hang up sends BYE', async () => {
    const call = await dial();
    const invite = await server.next('INVITE');
    expect(invite.body).toMatch(/^v=0/);
    expect(call.state).toBe(C.Dialing);
    server.reply(invite, 100);
    server.reply(invite, 180);
    await settle();
    expect(call.state).toBe(C.Ringing);
    server.accept(invite);
    await until(() => call.state === C.Connected, 'connected');
    expect(server.count('ACK')).toBe(1);
    expect(media[0]?.remote).toHaveLength(1);
    await call.hangup();
    await until(() => call.state === C.Ended, 'ended');
    expect(server.count('BYE')).toBe(1);
    expect(call.reason).toBe(t('callYouHungUp'));
    expect(states).toEqual([C.Ringing, C.Connected, C.Ended]);
  });

  test('hanging up while it rings sends CANCEL; the 487 ends it as cancelled', async () => {
    const call = await dial();
    const invite = await server.next('INVITE');
    server.reply(invite, 180);
    await settle();
    await call.hangup();
    await until(() => call.state === C.Failed, 'failed');
    expect(server.count('CANCEL')).toBe(1);
    expect(server.count('BYE')).toBe(0);
    expect(call.reason).toBe(callFailureReason(487));
  });

  test('486 fails the call with the busy sentence', async () => {
    const call = await dial();
    const invite = await server.next('INVITE');
    server.reply(invite, 486);
    await until(() => call.state === C.Failed, 'failed');
    expect(call.reason).toBe(t('callFailedBusy'));
    expect(server.count('ACK')).toBe(1);
  });

  test('the other side hangs up: BYE from the server ends the call', async () => {
    const call = await dial();
    const invite = await server.next('INVITE');
    server.accept(invite);
    await until(() => call.state === C.Connected, 'connected');
    server.bye(invite);
    await until(() => call.state === C.Ended, 'ended');
    expect(call.reason).toBe(t('callTheyHungUp'));
    expect(server.responses(200).some((m) => / BYE$/.test(m.header('CSeq') ?? ''))).toBe(true);
  });

  test('lose(): the call fails with the sentence, ends its session and closes its media, with no answer from the server', async () => {
    const call = await dial();
    const invite = await server.next('INVITE');
    server.accept(invite);
    await until(() => call.state === C.Connected, 'connected');
    server.frozen = true;
    call.lose(t('callLost'));
    await settle();
    expect(call.state).toBe(C.Failed);
    expect(call.reason).toBe(t('callLost'));
    expect(call.session.state).toBe('Terminated');
    expect(media[0]?.closed).toBe(true);
    expect(states).toEqual([C.Connected, C.Failed]);
    expect(server.count('BYE')).toBe(1);
    server.frozen = false;
  });

  test('incoming: the INVITE rings in; answering sends 200 with an answer and connects on the ACK', async () => {
    server.invite({ user: '2135550199', displayName: 'Bob' });
    await until(() => invitations.length === 1, 'invitation');
    const invitation = invitations[0] as Invitation;
    const call = track(new Call(invitation, 'incoming', '2135550199', { onChange: () => undefined, onRemoteMedia: () => undefined }, 'Bob'));
    expect(call.state).toBe(C.Incoming);
    await call.answer();
    await until(() => server.responses(200).length === 1, '200 sent');
    const ok = server.responses(200)[0];
    expect(ok?.body).toMatch(/^v=0/);
    server.ack(ok as NonNullable<typeof ok>);
    await until(() => call.state === C.Connected, 'connected');
    expect(states).toEqual([C.Connected]);
  });

  test('declining an incoming call answers 603 and is not a missed call', async () => {
    server.invite({ user: '2135550199' });
    await until(() => invitations.length === 1, 'invitation');
    const call = track(new Call(invitations[0] as Invitation, 'incoming', '2135550199', { onChange: () => undefined, onRemoteMedia: () => undefined }));
    await call.hangup();
    await until(() => call.state === C.Ended, 'ended');
    expect(server.responses(603)).toHaveLength(1);
    expect(call.declined).toBe(true);
  });

  test('a late 180 after the call has ended is dropped without an error', async () => {
    const call = await dial();
    const invite = await server.next('INVITE');
    server.reply(invite, 100);
    await settle();
    // The engine ends a call on its own when something breaks locally (the microphone, the page going away).
    call.fail(undefined, 'gone');
    server.reply(invite, 180);
    await settle();
    expect(call.state).toBe(C.Failed);
    expect(unhandled.errors).toEqual([]);
  });

  test("Call's own state moves throw on an illegal transition, as the state machine's transition() does", async () => {
    const call = await dial();
    const invite = await server.next('INVITE');
    server.accept(invite);
    await until(() => call.state === C.Connected, 'connected');
    const move = (next: C) => (call as unknown as { move(next: C): void }).move(next);
    expect(() => move(C.Ringing)).toThrow(/illegal transition connected → ringing/);
    expect(() => move(C.Incoming)).toThrow(/illegal transition/);
    expect(call.state).toBe(C.Connected);
  });
});
