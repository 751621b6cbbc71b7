import type { MicrophoneSource, SipNetwork } from './sip-network';
import type { SipContact } from './unregister-contact';
import type { MayReach } from './send-call-record';

/** What a host page may change about the engine: only where the microphone stream comes from. */
export interface EngineHost {
  /**
   * Firefox's phone window must be the focused window when it calls getUserMedia (otherwise the request waits
   * forever, see the README's Architecture section), so its host brings itself to the front first.
   */
  microphone?: MicrophoneSource;
  /** Runs before the engine lists the audio devices for a call (Firefox's phone window comes to the front first). */
  prepareMicrophone?: () => Promise<void>;
  /** Firefox: where the phone window remembers its registration's Contact, so the event page can remove it. */
  onContact?: (contact: SipContact) => void;
  /** Whether the call-log webhook may send to an origin (serveEngine asks the background; absent: never). */
  mayReach?: MayReach;
  /** The transport and media sip.js uses (default: WebSocket and WebRTC). */
  network?: SipNetwork;
}
