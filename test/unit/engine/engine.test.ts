import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Engine } from '../../../background/engine/engine';
import { CallState as C } from '../../../src/call/call-state';
import { DIGIT_INTERVAL_MS } from '../../../src/call/digit-sender';
import type { EngineSnapshot } from '../../../src/call/engine-snapshot';
import { RegistrationState as R } from '../../../src/call/registration-state';
import { t } from '../../../src/i18n/t';
import { DEFAULT_SETTINGS, type CallingSettings } from '../../../src/settings/defaults';
import type { EngineEvent } from '../../../src/messaging/protocol';
import { FakeSipServer } from './fake-sip-server';
import { ACCOUNT, settle, until, useFakeClock, wait, watchUnhandled } from './sip-test-bed';

/** The engine keeps the account, the missed count and the history in the extension's IndexedDB: a Map here. */
const stored = vi.hoisted(() => new Map<string, unknown>());
vi.mock('../../../src/settings/secret-store', () => ({
  secretStore: {
    get: (key: string) => Promise.resolve(structuredClone(stored.get(key))),
    set: (key: string, value: unknown) => Promise.resolve(void stored.set(key, structuredClone(value))),
    delete: (key: string) => Promise.resolve(void stored.delete(key)),
  },
}));

/** The few DOM and WebAudio pieces the engine's page gives it: audio elements for the tones and the call audio. */
function fakeDocument(): Document {
  const element = () => ({ autoplay: false, srcObject: null, volume: 1, play: () => Promise.resolve(), remove: () => undefined });
  return { createElement: element, body: { append: () => undefined } } as unknown as Document;
}

/** The tones the engine started (their frequencies), and what sounds now, without WebAudio. */
const tones: number[][] = [];
const sounding = new Set<number>();
class FakeAudioContext {
  currentTime = 0;
  createGain() {
    return { gain: { value: 0, setValueAtTime: () => undefined }, connect: () => undefined, disconnect: () => undefined };
  }
  createMediaStreamDestination() {
    return { stream: {} };
  }
  createOscillator() {
    const oscillator = {
      frequency: { value: 0 },
      connect: () => undefined,
      start: () => {
        sounding.add(oscillator.frequency.value);
        tones.push([...sounding]);
      },
      stop: () => void sounding.delete(oscillator.frequency.value),
    };
    return oscillator;
  }
}

describe('the engine (dial, answer, hang up, busy, history) over a fake SIP server', () => {
  let server: FakeSipServer;
  let engine: Engine;
  let events: EngineEvent[];
  let microphone: PermissionState;
  let unhandled: ReturnType<typeof watchUnhandled>;

  const snapshot = (): EngineSnapshot => engine.snapshot();
  const call = () => snapshot().calls[0];
  const phone = (e164: string) => ({ kind: 'phone', e164 }) as const;

  beforeEach(async () => {
    useFakeClock();
    unhandled = watchUnhandled();
    stored.clear();
    stored.set('account', ACCOUNT);
    tones.length = 0;
    sounding.clear();
    microphone = 'granted';
    vi.stubGlobal('navigator', { permissions: { query: () => Promise.resolve({ state: microphone }) } });
    vi.stubGlobal('AudioContext', FakeAudioContext);
    server = new FakeSipServer();
    events = [];
    engine = new Engine(fakeDocument(), (event) => events.push(event), { network: server.network() });
    await engine.start();
    await until(() => snapshot().registration.state === R.Registered, 'registered');
  });

  afterEach(async () => {
    engine.shutdown();
    await settle();
    unhandled.stop();
    expect(server.errors).toEqual([]);
    expect(unhandled.errors).toEqual([]);
    engine.registrationWatch.dispose();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  test('registers with the stored account at start', () => {
    expect(snapshot().registration).toMatchObject({ state: R.Registered, aor: 'alice@example.org' });
  });

  test('a call: INVITE to the number, ringback while it rings, connected on 200, BYE on hang-up, then in the history', async () => {
    const result = await engine.dial(phone('+12135550100'));
    expect(result).toMatchObject({ accepted: true });
    const invite = await server.next('INVITE');
    expect(invite.raw).toMatch(/^INVITE sip:\+?\d*2135550100@example\.org SIP\/2\.0/);
    server.reply(invite, 180);
    await until(() => call()?.state === C.Ringing, 'ringing');
    expect(tones).toContainEqual([425]);
    server.accept(invite);
    await until(() => call()?.state === C.Connected, 'connected');
    expect(await engine.act(undefined, { action: 'hangup' })).toEqual({ ok: true });
    await until(() => call()?.state === C.Ended, 'ended');
    expect(server.count('BYE')).toBe(1);
    await until(() => snapshot().history.length === 1, 'history');
    expect(snapshot().history[0]).toMatchObject({ direction: 'outgoing', number: '+12135550100', result: t('historyResultAnswered') });
  });

  test('an extension goes once the call is connected, after the extension delay, one digit at a time; the popup sees it', async () => {
    // The fake server's media has no WebRTC DTMF sender: the digits come as SIP INFO, which is what this checks.
    server.on('INFO', (m) => server.reply(m, 200));
    await engine.dial({ kind: 'phone', e164: '+12135550100', ext: '204' });
    const invite = await server.next('INVITE');
    expect(invite.raw).toMatch(/^INVITE sip:\+12135550100@example\.org SIP\/2\.0/);
    await wait(5_000);
    expect(server.count('INFO'), 'nothing while it rings').toBe(0);
    server.accept(invite);
    await until(() => call()?.state === C.Connected, 'connected');
    expect(call()?.postDial).toEqual({ digits: '204', extension: true, waiting: false });
    await wait(1_900);
    expect(server.count('INFO')).toBe(0);
    await wait(100 + 2 * DIGIT_INTERVAL_MS);
    const infos = server.sent.filter((m) => m.method === 'INFO').map((m) => /Signal=(.)/.exec(m.body)?.[1]);
    expect(infos).toEqual(['2', '0', '4']);
    await wait(DIGIT_INTERVAL_MS);
    expect(call()?.postDial).toBeUndefined();
  });

  test('a wait (;) holds the digits until Send; a second Send finds nothing waiting', async () => {
    server.on('INFO', (m) => server.reply(m, 200));
    await engine.dial({ kind: 'phone', e164: '+12135550100', postDial: ';9' });
    server.accept(await server.next('INVITE'));
    await until(() => call()?.state === C.Connected, 'connected');
    expect(call()?.postDial).toEqual({ digits: '9', extension: false, waiting: true });
    await wait(10_000);
    expect(server.count('INFO')).toBe(0);
    expect(await engine.act(undefined, { action: 'send-digits' })).toEqual({ ok: true });
    await wait(DIGIT_INTERVAL_MS);
    expect(server.count('INFO')).toBe(1);
    expect(await engine.act(undefined, { action: 'send-digits' })).toEqual({ ok: false });
  });

  test('a second click on the same number while it is being set up is the same call (one INVITE); other numbers take the free lines', async () => {
    const first = await engine.dial(phone('+12135550100'));
    const second = await engine.dial(phone('+12135550100'));
    expect(second).toEqual(first);
    await settle();
    expect(server.count('INVITE')).toBe(1);
    const other = await engine.dial(phone('+12135550111'));
    expect(other).toMatchObject({ accepted: true });
    const third = await engine.dial(phone('+12135550122'));
    expect(third).toEqual({ accepted: false, reason: t('callAllLinesBusy', 2) });
    await settle();
    expect(server.count('INVITE')).toBe(2);
  });

  test('hanging up while dialing sends CANCEL, and the call ends as cancelled', async () => {
    await engine.dial(phone('+12135550100'));
    const invite = await server.next('INVITE');
    server.reply(invite, 100);
    await settle();
    await engine.act(undefined, { action: 'hangup' });
    await until(() => call()?.state === C.Failed, 'cancelled');
    expect(server.count('CANCEL')).toBe(1);
    expect(call()?.reason).toBe(t('callCancelled'));
  });

  test('busy (486): the ringback stops, the call fails with the busy sentence, which the history keeps', async () => {
    await engine.dial(phone('+12135550100'));
    const invite = await server.next('INVITE');
    server.reply(invite, 180);
    await until(() => sounding.has(425), 'ringback');
    server.reply(invite, 486);
    await until(() => call()?.state === C.Failed, 'failed');
    expect(call()?.reason).toBe(t('callFailedBusy'));
    await until(() => snapshot().history.length === 1, 'history');
    expect(snapshot().history[0]?.result).toBe(t('callFailedBusy'));
    expect([...sounding]).toEqual([]);
  });

  test('without the microphone grant no INVITE goes out, and the background is asked to get it', async () => {
    microphone = 'prompt';
    expect(await engine.dial(phone('+12135550100'))).toEqual({ accepted: false, reason: t('callMicrophoneAsk') });
    expect(events).toContainEqual({ event: 'need-microphone' });
    await settle();
    expect(server.count('INVITE')).toBe(0);
  });

  test('incoming: it rings (ringtone), answering sends 200, a second caller rings softly (call waiting), a third hears busy and is a missed call', async () => {
    server.invite({ user: '2135550199', displayName: 'Bob' });
    await until(() => call()?.state === C.Incoming, 'incoming');
    expect(events).toContainEqual(expect.objectContaining({ event: 'incoming', number: '2135550199', displayName: 'Bob' }));
    expect(tones).toContainEqual([880, 1100]);
    expect(await engine.act(undefined, { action: 'answer' })).toEqual({ ok: true });
    await until(() => server.responses(200).length === 1, '200 sent');
    server.ack(server.responses(200)[0] as NonNullable<ReturnType<typeof server.responses>[number]>);
    await until(() => call()?.state === C.Connected, 'connected');
    expect([...sounding]).toEqual([]);
    expect(events).toContainEqual(expect.objectContaining({ event: 'incoming-ended', missed: false }));

    server.invite({ user: '2135550133' });
    await until(() => snapshot().calls.length === 2, 'the second caller rings');
    expect(events).toContainEqual(expect.objectContaining({ event: 'incoming', number: '2135550133', waiting: true }));
    expect([...sounding]).toEqual([425]);
    expect(server.responses(486)).toHaveLength(0);

    server.invite({ user: '2135550122' });
    await until(() => server.responses(486).length === 1, 'busy for the third caller');
    expect(snapshot().missed).toBe(1);
    expect(events).toContainEqual(expect.objectContaining({ event: 'incoming-ended', missed: true, number: '2135550122' }));
    await until(() => snapshot().history.length === 1, 'history');
    expect(snapshot().history[0]).toMatchObject({ direction: 'missed', result: t('callMissedBusy') });
    expect(call()?.state).toBe(C.Connected);
    expect(snapshot().calls[1]?.state).toBe(C.Incoming);
  });

  test('a call while registration failed is refused with the reason', async () => {
    server.password = 'changed on the server';
    const saved = await engine.saveAccount({ ...ACCOUNT });
    expect(saved.registered).toBe(false);
    const result = await engine.dial(phone('+12135550100'));
    expect(result).toEqual({ accepted: false, reason: t('callNotConnected', saved.message) });
    expect(server.count('INVITE')).toBe(0);
  });
  describe('Do not disturb and auto-answer', () => {
    const calling = (patch: Partial<CallingSettings>) => engine.applySettings({ ...DEFAULT_SETTINGS, calling: { ...DEFAULT_SETTINGS.calling, ...patch } });
    const ringing = () => call()?.state === C.Incoming;

    test('DND: the caller gets the chosen code; nothing rings, nothing is notified or counted, the history says why', async () => {
      calling({ dnd: true, dndResponse: 480 });
      server.invite({ user: '2135550199', displayName: 'Bob' });
      await until(() => server.responses(480).length === 1, '480 for the caller');
      await until(() => snapshot().history.length === 1, 'history');
      expect(snapshot().history[0]).toMatchObject({ direction: 'incoming', number: '2135550199', result: t('historyResultDnd') });
      expect(snapshot()).toMatchObject({ calls: [], missed: 0, dnd: true });
      expect(events.filter((e) => e.event === 'incoming' || e.event === 'incoming-ended')).toEqual([]);
      expect(tones).toEqual([]);
    });

    test('auto-answer after N seconds: it rings first, then 200 goes out by itself with a short beep', async () => {
      calling({ autoAnswer: 3 });
      server.invite({ user: '2135550199' });
      await until(ringing, 'incoming');
      await wait(2_900);
      expect(server.responses(200)).toHaveLength(0);
      await wait(200);
      await until(() => server.responses(200).length === 1, '200 sent by itself');
      expect(tones).toContainEqual([1400]);
    });

    test('auto-answer waits for the microphone grant: without it the call keeps ringing', async () => {
      microphone = 'prompt';
      calling({ autoAnswer: 1 });
      server.invite({ user: '2135550199' });
      await until(ringing, 'incoming');
      await wait(2_000);
      expect(server.responses(200)).toHaveLength(0);
      expect(ringing()).toBe(true);
      expect(events).not.toContainEqual({ event: 'need-microphone' });
    });

    test('intercom: an own-domain caller asking for it is answered at once; the same request from another domain rings', async () => {
      calling({ intercom: true });
      server.invite({ user: 'mallory', host: 'evil.example', headers: ['Call-Info: <sip:evil.example>;answer-after=0', 'Alert-Info: <http://x>;info=alert-autoanswer'] });
      await until(ringing, 'the foreign call rings');
      await wait(5_000);
      expect(server.responses(200)).toHaveLength(0);
      await engine.act(undefined, { action: 'decline' });
      await until(() => server.responses(603).length === 1, 'declined');

      server.invite({ user: '204', headers: ['Call-Info: <sip:example.org>;answer-after=0'] });
      await until(ringing, 'the intercom call');
      await wait(50);
      await until(() => server.responses(200).length === 1, '200 at once');
    });
  });
});
