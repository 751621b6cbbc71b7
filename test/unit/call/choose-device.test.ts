import { describe, expect, test } from 'vitest';
import { chooseDevice, chooseDevices, withMicrophone, type AudioDevice } from '../../../src/call/choose-device';

const HEADSET_MIC: AudioDevice = { deviceId: 'headset-mic', kind: 'audioinput', label: 'USB Headset Microphone' };
const BUILTIN_MIC: AudioDevice = { deviceId: 'builtin-mic', kind: 'audioinput', label: 'Built-in Microphone' };
const HEADSET_OUT: AudioDevice = { deviceId: 'headset-out', kind: 'audiooutput', label: 'USB Headset' };
const SPEAKERS: AudioDevice = { deviceId: 'speakers', kind: 'audiooutput', label: 'Speakers' };
const ALL = [HEADSET_MIC, BUILTIN_MIC, HEADSET_OUT, SPEAKERS];

describe('chooseDevice', () => {
  test('the chosen device is used while it is plugged in', () => {
    expect(chooseDevice('microphone', 'headset-mic', ALL)).toEqual({ deviceId: 'headset-mic', missing: false, listed: true });
    expect(chooseDevice('speaker', 'speakers', ALL)).toEqual({ deviceId: 'speakers', missing: false, listed: true });
  });

  test('a missing (unplugged) device falls back to the default, with a note', () => {
    expect(chooseDevice('microphone', 'headset-mic', [BUILTIN_MIC, SPEAKERS])).toEqual({ deviceId: '', missing: true });
  });

  test('it is used again once it is listed again (after devicechange)', () => {
    const unplugged = chooseDevice('microphone', 'headset-mic', [BUILTIN_MIC]);
    const replugged = chooseDevice('microphone', 'headset-mic', [BUILTIN_MIC, HEADSET_MIC]);
    expect([unplugged.deviceId, replugged.deviceId]).toEqual(['', 'headset-mic']);
  });

  test('an id of the wrong kind does not count (a speaker id saved as microphone)', () => {
    expect(chooseDevice('microphone', 'speakers', ALL)).toEqual({ deviceId: '', missing: true });
  });

  test.each([[''], ['default']])('%j is the default and never missing', (wanted) => {
    expect(chooseDevice('speaker', wanted, [])).toEqual({ deviceId: '', missing: false });
  });

  test('without the microphone grant (ids hidden) the choice is kept, nothing is called missing', () => {
    const hidden = [{ deviceId: '', kind: 'audioinput', label: '' }, { deviceId: '', kind: 'audiooutput', label: '' }];
    expect(chooseDevice('microphone', 'headset-mic', hidden)).toEqual({ deviceId: 'headset-mic', missing: false });
  });
});

describe('chooseDevices', () => {
  test('the ringer follows the speaker unless one is chosen', () => {
    const c = chooseDevices({ microphone: '', speaker: 'headset-out', ringer: '' }, ALL);
    expect(c.ringer).toEqual({ deviceId: 'headset-out', missing: false, listed: true });
    expect(chooseDevices({ microphone: '', speaker: 'headset-out', ringer: 'speakers' }, ALL).ringer.deviceId).toBe('speakers');
  });

  test('missing lists each role whose chosen device is gone, once', () => {
    expect(chooseDevices({ microphone: 'headset-mic', speaker: 'headset-out', ringer: '' }, [BUILTIN_MIC, SPEAKERS]).missing).toEqual(['microphone', 'speaker']);
    expect(chooseDevices({ microphone: '', speaker: '', ringer: 'headset-out' }, [SPEAKERS]).missing).toEqual(['ringer']);
    expect(chooseDevices({ microphone: 'headset-mic', speaker: 'headset-out', ringer: 'speakers' }, ALL).missing).toEqual([]);
  });
});

describe('withMicrophone', () => {
  test('a listed device is asked for exactly (Chromium ignores an ideal deviceId), keeping other audio constraints', () => {
    expect(withMicrophone({ audio: true, video: false }, 'headset-mic', true)).toEqual({ audio: { deviceId: { exact: 'headset-mic' } }, video: false });
    expect(withMicrophone({ audio: { echoCancellation: true } }, 'x', true)).toEqual({ audio: { echoCancellation: true, deviceId: { exact: 'x' } } });
  });
  test('with ids hidden (no grant) the saved device is only ideal', () => {
    expect(withMicrophone({ audio: true }, 'headset-mic')).toEqual({ audio: { deviceId: { ideal: 'headset-mic' } } });
  });
  test('the default device changes nothing', () => {
    const c = { audio: true, video: false };
    expect(withMicrophone(c, '')).toBe(c);
  });
});
