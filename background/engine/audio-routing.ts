import { canChooseOutput, chooseDevices, withMicrophone, type AudioRole, type DeviceChoice } from '../../src/call/choose-device';

export { canChooseOutput };
import { logger } from '../../src/logger';
import { DEFAULT_SETTINGS, type AudioSettings } from '../../src/settings/defaults';
import type { MicrophoneSource } from './sip-network';

/** How long a call waits for the device list before asking for the saved microphone without it. */
const LIST_WAIT_MS = 300;

/** `HTMLMediaElement.setSinkId` (Chrome; Firefox ≥ 116, in some versions behind `media.setsinkid.enabled`). */
type SinkElement = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };


/**
 * Where the engine's audio comes from and goes to: the chosen microphone for getUserMedia, the speaker for call
 * audio, the ringer for the ringtone, and the call volume. Follows `devicechange`: an unplugged device falls back
 * to the default (listed in {@link missing} for the UI to say so) and is used again once it is back.
 */
export class AudioRouting {
  private settings: AudioSettings = DEFAULT_SETTINGS.audio;
  private choices: Record<AudioRole, DeviceChoice> = {
    microphone: { deviceId: '', missing: false },
    speaker: { deviceId: '', missing: false },
    ringer: { deviceId: '', missing: false },
  };
  /** Roles whose chosen device is not plugged in right now. */
  missing: AudioRole[] = [];
  private readonly elements = new Map<HTMLAudioElement, 'speaker' | 'ringer'>();
  private refreshing: Promise<void> | undefined;
  private again = false;

  constructor(private readonly onChange: () => void) {
    navigator.mediaDevices?.addEventListener?.('devicechange', () => void this.refresh());
  }

  get ringtone(): boolean {
    return this.settings.ringtone;
  }

  apply(settings: AudioSettings): void {
    this.settings = settings;
    void this.refresh();
  }

  /**
   * Wraps the host's microphone source so every call asks for the chosen device (as of this moment). Firefox
   * answers `enumerateDevices` only once the document has the focus, so the host's `prepare` (raising the phone
   * window) runs first; the list is still waited for only briefly: without it the saved device is asked for as `ideal`.
   */
  microphone(base?: MicrophoneSource, prepare?: () => Promise<void>): MicrophoneSource {
    const open = (c: MediaStreamConstraints) => (base ? base(c) : navigator.mediaDevices.getUserMedia(c));
    return async (constraints) => {
      await prepare?.();
      const fresh = await Promise.race([this.refresh().then(() => true), new Promise<false>((r) => setTimeout(() => r(false), LIST_WAIT_MS))]);
      if (!fresh) return open(withMicrophone(constraints, this.settings.microphone));
      const { deviceId, listed } = this.choices.microphone;
      if (!listed) return open(withMicrophone(constraints, deviceId));
      try {
        return await open(withMicrophone(constraints, deviceId, true));
      } catch (error) {
        // Unplugged between the list and the call: the default microphone, and the note.
        if (!(error instanceof DOMException) || !['OverconstrainedError', 'NotFoundError', 'NotReadableError'].includes(error.name)) throw error;
        void this.refresh();
        return open(constraints);
      }
    };
  }

  /** Routes an audio element to the speaker (call audio, with the call volume) or the ringer (ringtone). */
  attach(element: HTMLAudioElement, role: 'speaker' | 'ringer'): void {
    this.elements.set(element, role);
    this.route(element, role);
  }

  detach(element: HTMLAudioElement): void {
    this.elements.delete(element);
  }

  /** Re-reads the device list and re-routes everything (one refresh at a time; a request meanwhile runs once more). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        const devices = await navigator.mediaDevices?.enumerateDevices?.().catch(() => []) ?? [];
        const { missing, ...choices } = chooseDevices(this.settings, devices);
        this.choices = choices;
        const changed = missing.join() !== this.missing.join();
        this.missing = missing;
        for (const [element, role] of this.elements) this.route(element, role);
        if (changed) this.onChange();
      } while (this.again);
    })().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private route(element: SinkElement, role: 'speaker' | 'ringer'): void {
    if (role === 'speaker') element.volume = this.settings.volume;
    if (!canChooseOutput() || !element.setSinkId) return;
    const id = this.choices[role].deviceId;
    if ((element as { sinkId?: string }).sinkId === id) return;
    element.setSinkId(id).catch((error: unknown) => {
      logger.warn(`Could not send the ${role === 'speaker' ? 'call audio' : 'ringtone'} to the chosen device`, error);
      void element.setSinkId?.('').catch(() => undefined);
    });
  }
}
