import type { AudioRouting } from './audio-routing';

/** The two frequencies of each key (ITU-T Q.23), as a desk phone plays them into the handset. */
const ROWS: Record<string, number> = { '1': 697, '2': 697, '3': 697, A: 697, '4': 770, '5': 770, '6': 770, B: 770, '7': 852, '8': 852, '9': 852, C: 852, '*': 941, '0': 941, '#': 941, D: 941 };
const COLUMNS: Record<string, number> = { '1': 1209, '4': 1209, '7': 1209, '*': 1209, '2': 1336, '5': 1336, '8': 1336, '0': 1336, '3': 1477, '6': 1477, '9': 1477, '#': 1477, A: 1633, B: 1633, C: 1633, D: 1633 };
const TONE_MS = 120;
const GAIN = 0.06;

/**
 * Short local key tones for the in-call keypad. They play in the engine page, through an element routed like the
 * call audio: the user hears them in the headset the call is on (a popup's Web Audio would play on the system's
 * default output), and the same code serves Chrome's popup and Firefox's phone window, whose keypads both go
 * through the engine.
 */
export class KeyTones {
  private context: AudioContext | undefined;
  private readonly element: HTMLAudioElement;
  private destination: MediaStreamAudioDestinationNode | undefined;
  /** Keys played so far (read by the browser tests from the engine page). */
  played: string[] = [];

  constructor(doc: Document, devices: AudioRouting) {
    this.element = doc.createElement('audio');
    this.element.autoplay = true;
    doc.body.append(this.element);
    devices.attach(this.element, 'speaker');
  }

  play(key: string): void {
    const low = ROWS[key.toUpperCase()];
    const high = COLUMNS[key.toUpperCase()];
    if (low === undefined || high === undefined) return;
    this.context ??= new AudioContext();
    const ctx = this.context;
    if (!this.destination) {
      this.destination = ctx.createMediaStreamDestination();
      this.element.srcObject = this.destination.stream;
    }
    void this.element.play().catch(() => undefined);
    const out = ctx.createGain();
    out.gain.value = GAIN;
    out.connect(this.destination);
    const end = ctx.currentTime + TONE_MS / 1000;
    for (const frequency of [low, high]) {
      const oscillator = ctx.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(out);
      oscillator.start();
      oscillator.stop(end);
    }
    setTimeout(() => out.disconnect(), TONE_MS + 50);
    this.played = [...this.played.slice(-31), key];
  }
}
