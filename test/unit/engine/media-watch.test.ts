import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { MediaWatch, NO_AUDIO_AFTER_MS, type WatchedCall } from '../../../background/engine/media-watch';
import { CallState } from '../../../src/call/call-state';
import { useFakeClock, wait } from './sip-test-bed';

describe('MediaWatch: "no audio from the other side"', () => {
  let packets: number;
  let call: WatchedCall & { state: CallState; held: boolean };
  let changes: number;
  let watch: MediaWatch;

  beforeEach(() => {
    useFakeClock();
    packets = 0;
    changes = 0;
    call = { state: CallState.Connected, held: false, noAudio: false, stats: async () => ({ packetsReceived: packets }) };
    watch = new MediaWatch(() => call, () => changes++);
    watch.start();
  });

  afterEach(() => {
    watch.stop();
    vi.useRealTimers();
  });

  /** The other side sends 50 packets a second for `ms`. */
  async function flowing(ms: number): Promise<void> {
    for (let t = 0; t < ms; t += 1_000) {
      packets += 50;
      await wait(1_000);
    }
  }

  test('packets arriving: never flagged', async () => {
    await flowing(60_000);
    expect(call.noAudio).toBe(false);
    expect(changes).toBe(0);
  });

  test('no new packet for 10 s: flagged; packets again: cleared', async () => {
    await flowing(5_000);
    await wait(NO_AUDIO_AFTER_MS - 2_000);
    expect(call.noAudio).toBe(false);
    await wait(4_000);
    expect(call.noAudio).toBe(true);
    await flowing(4_000);
    expect(call.noAudio).toBe(false);
    expect(changes).toBe(2);
  });

  test('a held call, or one not connected yet, is not watched', async () => {
    call.held = true;
    await wait(60_000);
    expect(call.noAudio).toBe(false);
    call.held = false;
    call.state = CallState.Ringing;
    await wait(60_000);
    expect(call.noAudio).toBe(false);
  });
});
