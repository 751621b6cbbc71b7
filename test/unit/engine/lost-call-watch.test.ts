import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LOST_AFTER_MS, LOST_CHECK_MS, LostCallWatch } from '../../../background/engine/lost-call-watch';
import { MediaWatch, NO_AUDIO_AFTER_MS } from '../../../background/engine/media-watch';
import { CallState } from '../../../src/call/call-state';
import { RegistrationState as R } from '../../../src/call/registration-state';
import { t } from '../../../src/i18n/t';
import { useFakeClock, wait } from './sip-test-bed';

/** A call that cannot survive (no signalling, no audio) ends with a sentence; one that can is kept. */
describe('LostCallWatch with MediaWatch: "the call was lost"', () => {
  let packets: number;
  let registration: R;
  let lost: string[];
  let call: { state: CallState; held: boolean; noAudio: boolean; stats(): Promise<{ packetsReceived: number }>; lose(reason: string): void };
  let watches: { stop(): void }[];

  beforeEach(() => {
    useFakeClock();
    packets = 0;
    registration = R.Registered;
    lost = [];
    call = {
      state: CallState.Connected,
      held: false,
      noAudio: false,
      stats: async () => ({ packetsReceived: packets }),
      lose(reason) {
        lost.push(reason);
        this.state = CallState.Failed;
      },
    };
    const media = new MediaWatch(() => call, () => undefined);
    const lostWatch = new LostCallWatch(() => call, () => registration);
    media.start();
    lostWatch.start();
    watches = [media, lostWatch];
  });

  afterEach(() => {
    watches.forEach((w) => w.stop());
    vi.useRealTimers();
  });

  /** The other side sends 50 packets a second for `ms`. */
  async function flowing(ms: number): Promise<void> {
    for (let t = 0; t < ms; t += 1_000) {
      packets += 50;
      await wait(1_000);
    }
  }

  test('connection gone and no audio: the call ends with the sentence once both have lasted the bound', async () => {
    await flowing(5_000);
    registration = R.Waiting;
    // Audio stops with the connection: MediaWatch says so after 10 s, then the bound runs.
    const earliest = NO_AUDIO_AFTER_MS + LOST_AFTER_MS;
    await wait(earliest - LOST_CHECK_MS);
    expect(call.noAudio).toBe(true);
    expect(lost).toEqual([]);
    await wait(3 * LOST_CHECK_MS);
    expect(lost).toEqual([t('callLost')]);
    expect(t('callLost')).toBe('The call was lost: the connection to the server could not be made again.');
    await wait(60_000);
    expect(lost).toHaveLength(1);
  });

  test('connection gone but audio flowing: the call is kept however long the reconnect takes', async () => {
    registration = R.Waiting;
    for (let i = 0; i < 10; i++) {
      registration = i % 2 ? R.Waiting : R.Connecting;
      await flowing(60_000);
    }
    expect(call.noAudio).toBe(false);
    expect(lost).toEqual([]);
  });

  test('no audio but the connection is up: only "no audio", the user decides', async () => {
    await wait(10 * 60_000);
    expect(call.noAudio).toBe(true);
    expect(lost).toEqual([]);
  });

  test('the connection back before the bound keeps the call; a new loss counts from zero', async () => {
    registration = R.Waiting;
    await wait(NO_AUDIO_AFTER_MS + LOST_AFTER_MS - 4 * LOST_CHECK_MS);
    registration = R.Registered;
    await wait(LOST_CHECK_MS);
    registration = R.Connecting;
    await wait(LOST_AFTER_MS - 2 * LOST_CHECK_MS);
    expect(lost).toEqual([]);
    await wait(3 * LOST_CHECK_MS);
    expect(lost).toHaveLength(1);
  });

  test('a held call, or one not connected yet, is never ended by the watch', async () => {
    registration = R.Waiting;
    call.noAudio = true;
    call.state = CallState.OnHold;
    await wait(10 * 60_000);
    call.state = CallState.Ringing;
    await wait(10 * 60_000);
    expect(lost).toEqual([]);
  });
});
