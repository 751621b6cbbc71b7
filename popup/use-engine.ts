import { useEffect, useState } from 'preact/hooks';
import type { EngineSnapshot } from '../src/call/engine-snapshot';
import { sendMessage } from '../src/messaging/send-message';
import type { MessageType, Payload, Reply } from '../src/messaging/protocol';

const STATE_PORT = 'engine-state';

/** Sends a typed message to the background. */
export function send<K extends MessageType>(type: K, payload: Payload<K>): Promise<Reply<K>> {
  return sendMessage((m) => chrome.runtime.sendMessage(m), type, payload);
}

/**
 * The engine's state for a page: makes sure the engine runs, then renders its snapshot stream (a Port to the engine
 * page). Reconnects if the port drops (e.g. the engine restarted).
 */
export function useEngine(): EngineSnapshot | undefined {
  const [snapshot, setSnapshot] = useState<EngineSnapshot | undefined>();
  useEffect(() => {
    let port: chrome.runtime.Port | undefined;
    let closed = false;
    const connect = async (): Promise<void> => {
      await send('ui:ensure-engine', {}).catch(() => undefined);
      if (closed) return;
      port = chrome.runtime.connect({ name: STATE_PORT });
      port.onMessage.addListener((message: EngineSnapshot) => setSnapshot(message));
      port.onDisconnect.addListener(() => {
        if (!closed) setTimeout(() => void connect(), 500);
      });
    };
    void connect();
    return () => {
      closed = true;
      port?.disconnect();
    };
  }, []);
  return snapshot;
}
