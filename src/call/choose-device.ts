/** What an audio setting refers to. */
export type AudioRole = 'microphone' | 'speaker' | 'ringer';

/** The parts of a `MediaDeviceInfo` the choice needs. */
export interface AudioDevice {
  deviceId: string;
  kind: string;
  label: string;
}

/** The device to use for one role: `deviceId` '' is the browser's default; `missing` says the chosen one is not there. */
export interface DeviceChoice {
  deviceId: string;
  missing: boolean;
  /** The chosen device is in the list right now (so it can be asked for exactly). */
  listed?: boolean;
}

const KIND: Record<AudioRole, string> = { microphone: 'audioinput', speaker: 'audiooutput', ringer: 'audiooutput' };

/**
 * Picks the device for a role from what `enumerateDevices` lists now. The chosen id is used while it is plugged in;
 * when it is missing (unplugged) the default is used and `missing` is set, so the UI can say so, and as soon as the
 * device is listed again (after a `devicechange`) the same call gives it back. Without the microphone grant the
 * browser hides device ids (all ''): then nothing can be told missing and the chosen id is kept (constraints use
 * it as `ideal`, so the browser falls back by itself).
 */
export function chooseDevice(role: AudioRole, wanted: string, devices: readonly AudioDevice[]): DeviceChoice {
  if (wanted === '' || wanted === 'default') return { deviceId: '', missing: false };
  const ofKind = devices.filter((d) => d.kind === KIND[role]);
  if (ofKind.every((d) => d.deviceId === '')) return { deviceId: wanted, missing: false };
  return ofKind.some((d) => d.deviceId === wanted) ? { deviceId: wanted, missing: false, listed: true } : { deviceId: '', missing: true };
}

/** Every role's choice at once; `missing` lists the roles whose chosen device is not plugged in (in role order). */
export function chooseDevices(
  audio: { microphone: string; speaker: string; ringer: string },
  devices: readonly AudioDevice[],
): { microphone: DeviceChoice; speaker: DeviceChoice; ringer: DeviceChoice; missing: AudioRole[] } {
  const microphone = chooseDevice('microphone', audio.microphone, devices);
  const speaker = chooseDevice('speaker', audio.speaker, devices);
  // The ringer defaults to wherever call audio goes.
  const ringer = audio.ringer === '' ? speaker : chooseDevice('ringer', audio.ringer, devices);
  const missing = (['microphone', 'speaker', 'ringer'] as const).filter((role) => role !== 'ringer' || audio.ringer !== '');
  return { microphone, speaker, ringer, missing: missing.filter((role) => ({ microphone, speaker, ringer })[role].missing) };
}

/**
 * getUserMedia constraints with the chosen microphone. `exact` when the device is listed right now: Chromium 156
 * ignores an `ideal` deviceId and opens the default microphone (measured with its fake devices), so a listed device
 * is asked for exactly and the caller retries with the default if that fails (unplugged in between). `ideal` only
 * when the browser hides device ids (no grant yet) and nothing better is known.
 */
export function withMicrophone(constraints: MediaStreamConstraints, deviceId: string, exact = false): MediaStreamConstraints {
  if (!constraints.audio || deviceId === '') return constraints;
  const audio = typeof constraints.audio === 'object' ? constraints.audio : {};
  return { ...constraints, audio: { ...audio, deviceId: exact ? { exact: deviceId } : { ideal: deviceId } } };
}

/**
 * Whether this browser can send an audio element to a chosen output (`HTMLMediaElement.setSinkId`: Chrome; Firefox
 * from 116, behind `media.setsinkid.enabled` in some versions). Where it cannot, the speaker choice is hidden.
 */
export function canChooseOutput(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}
