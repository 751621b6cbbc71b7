import type { EngineSnapshot } from '../../src/call/engine-snapshot';
import { ctiEvents, ctiSeen, type CtiSeen } from '../../src/cti/cti-events';
import { ctiSenderAllowed } from '../../src/cti/cti-origins';
import { identifySender } from '../../src/messaging/identify-sender';
import type { SenderInfo } from '../../src/messaging/protocol';
import { PORTS } from '../../src/well-known';

interface Listener {
  port: chrome.runtime.Port;
  sender: SenderInfo;
  seen: CtiSeen;
}

/** What the stream needs from the engine: its state, and the allowed origins in effect. */
export interface CtiSource {
  snapshot(): EngineSnapshot;
  ctiOrigins(): readonly string[];
}

/**
 * The CTI page API's event stream (docs/cti.md): content scripts on allowed origins connect a port, and each engine
 * snapshot becomes the events since the one before (see `ctiEvents`). The sender's origins are checked here again
 * from the browser's data, and again with every snapshot (a settings change makes one): an origin taken off the
 * list loses its stream at once. Returns what the engine host calls with every snapshot.
 */
export function serveCti(runtime: typeof chrome.runtime, engine: CtiSource): (snapshot: EngineSnapshot) => void {
  const listeners = new Set<Listener>();
  const allowed = (sender: SenderInfo | undefined): sender is SenderInfo => sender?.origin === 'content' && ctiSenderAllowed(sender, engine.ctiOrigins());
  runtime.onConnect.addListener((port) => {
    if (port.name !== PORTS.ctiEvents) return;
    const sender = identifySender(port.sender ?? {}, runtime.id, runtime.getURL(''));
    if (!allowed(sender)) return port.disconnect();
    const listener = { port, sender, seen: ctiSeen(engine.snapshot()) };
    listeners.add(listener);
    port.onDisconnect.addListener(() => listeners.delete(listener));
    // The page learns the registration state it starts from.
    port.postMessage([{ event: listener.seen.registered ? 'REGISTERED' : 'UNREGISTERED' }]);
  });
  return (snapshot) => {
    const seen = ctiSeen(snapshot);
    for (const listener of listeners) {
      if (!allowed(listener.sender)) {
        listeners.delete(listener);
        listener.port.disconnect();
        continue;
      }
      const events = ctiEvents(listener.seen, seen);
      listener.seen = seen;
      if (events.length > 0) listener.port.postMessage(events);
    }
  };
}
