import { logger } from '../../src/logger';
import type { AudioRouting } from './audio-routing';

/**
 * The far end's audio: one autoplaying <audio> element per call, routed to the chosen speaker (and following the
 * call volume) through {@link AudioRouting} while the call lasts.
 */
export class CallAudio {
  private readonly elements = new Map<string, HTMLAudioElement>();

  constructor(
    private readonly doc: Document,
    private readonly devices: AudioRouting,
  ) {}

  /** Plays a call's remote stream (a renegotiated stream replaces the previous one in the same element). */
  play(callId: string, stream: MediaStream): void {
    let element = this.elements.get(callId);
    if (!element) {
      element = this.doc.createElement('audio');
      element.autoplay = true;
      this.doc.body.append(element);
      this.elements.set(callId, element);
      this.devices.attach(element, 'speaker');
    }
    element.srcObject = stream;
    void element.play().catch((error: unknown) => logger.warn('Could not play the call audio', error));
  }

  /** The call ended: its element leaves the page and the routing. */
  release(callId: string): void {
    const element = this.elements.get(callId);
    if (element) {
      this.devices.detach(element);
      // A removed element that still holds its stream stays alive (with its media shadow tree) after the call.
      element.srcObject = null;
      element.remove();
    }
    this.elements.delete(callId);
  }
}
