import type { ToneKind } from '../../src/call/tone-for';

/** [frequencies Hz, on ms, off ms]: ringback is the ITU 425 Hz cadence; the ringtone a two-tone warble. */
const TONES: Record<ToneKind, { freqs: number[]; on: number; off: number; gain: number }> = {
  ringback: { freqs: [425], on: 1000, off: 4000, gain: 0.08 },
  ringtone: { freqs: [880, 1100], on: 1200, off: 1800, gain: 0.15 },
  // A short soft beep every few seconds: the ITU call-waiting tone, quiet enough to talk over.
  'call-waiting': { freqs: [425], on: 300, off: 4700, gain: 0.05 },
};

/** The auto-answer beep: one short high tone. */
const BEEP = { freq: 1400, ms: 250, gain: 0.12 };

/**
 * Ringback (we are calling, the other side rings) and ringtone (someone calls us), made with WebAudio so there are
 * no audio files and nothing to download. One tone at a time.
 */
export class TonePlayer {
  private context: AudioContext | undefined;
  private stopCurrent: (() => void) | undefined;
  private playing: ToneKind | undefined;
  /** Beeps played so far (reachable from the engine page for tests). */
  beeps = 0;
  /** The element the ringtone plays through (its sink follows the chosen ringing device). */
  readonly element: HTMLAudioElement;

  constructor(doc: Document) {
    this.element = doc.createElement('audio');
    this.element.autoplay = true;
    doc.body.append(this.element);
  }

  /** Starts a tone; the same tone already playing keeps its cadence (call and settings changes re-ask often). */
  play(kind: ToneKind): void {
    if (this.playing === kind) return;
    this.stop();
    this.playing = kind;
    this.context ??= new AudioContext();
    const ctx = this.context;
    const { freqs, on, off, gain } = TONES[kind];
    const out = ctx.createGain();
    out.gain.value = 0;
    const destination = ctx.createMediaStreamDestination();
    out.connect(destination);
    this.element.srcObject = destination.stream;
    void this.element.play().catch(() => undefined);
    const oscillators = freqs.map((f) => {
      const o = ctx.createOscillator();
      o.frequency.value = f;
      o.connect(out);
      o.start();
      return o;
    });
    const period = (on + off) / 1000;
    const start = ctx.currentTime + 0.05;
    // Schedule ten minutes of cadence up front; stop() cancels it.
    for (let t = 0; t < 600; t += period) {
      out.gain.setValueAtTime(gain, start + t);
      out.gain.setValueAtTime(0, start + t + on / 1000);
    }
    this.stopCurrent = () => {
      for (const o of oscillators) o.stop();
      out.disconnect();
      this.element.srcObject = null;
    };
  }

  /**
   * A short beep that a call was answered by itself (auto-answer, intercom), so the user knows the microphone is
   * open. One-shot and apart from the ringtone: stopping the ringtone when the call connects does not cut it.
   */
  beep(): void {
    this.context ??= new AudioContext();
    const ctx = this.context;
    const o = ctx.createOscillator();
    const out = ctx.createGain();
    o.frequency.value = BEEP.freq;
    out.gain.value = BEEP.gain;
    o.connect(out);
    out.connect(ctx.destination);
    o.start();
    o.stop(ctx.currentTime + BEEP.ms / 1000);
    o.onended = () => out.disconnect();
    this.beeps += 1;
  }

  stop(): void {
    this.stopCurrent?.();
    this.stopCurrent = undefined;
    this.playing = undefined;
  }
}
