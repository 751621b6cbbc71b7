import { afterEach, describe, expect, test, vi } from 'vitest';
import { AudioRouting } from '../../../background/engine/audio-routing';

afterEach(() => vi.unstubAllGlobals());

describe('AudioRouting.microphone', () => {
  test("the host's prepare step runs before the device list and the microphone (Firefox answers neither out of the front)", async () => {
    const order: string[] = [];
    vi.stubGlobal('navigator', {
      mediaDevices: {
        enumerateDevices: () => {
          order.push('list');
          return Promise.resolve([{ kind: 'audioinput', deviceId: 'mic-1', label: 'Headset', groupId: '' }]);
        },
      },
    });
    const routing = new AudioRouting(() => undefined);
    const source = routing.microphone(
      (constraints) => {
        order.push(`open ${JSON.stringify(constraints.audio)}`);
        return Promise.resolve('stream' as unknown as MediaStream);
      },
      async () => {
        order.push('prepare');
      },
    );
    order.length = 0;
    await expect(source({ audio: true })).resolves.toBe('stream');
    expect(order[0]).toBe('prepare');
    expect(order.slice(1, 2)).toEqual(['list']);
    expect(order[2]).toMatch(/^open /);
  });

  test('a failing prepare step (the window could not come to the front) fails the call before the microphone is asked for', async () => {
    const open = vi.fn();
    vi.stubGlobal('navigator', { mediaDevices: { enumerateDevices: () => Promise.resolve([]) } });
    const source = new AudioRouting(() => undefined).microphone(open, () => Promise.reject(new Error('Click the phone window')));
    await expect(source({ audio: true })).rejects.toThrow('Click the phone window');
    expect(open).not.toHaveBeenCalled();
  });
});
