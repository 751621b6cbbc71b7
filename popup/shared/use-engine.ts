import { useEffect, useState } from 'preact/hooks';
import type { EngineSnapshot } from '../../src/call/engine-snapshot';
import { RegistrationState } from '../../src/call/registration-state';
import { t } from '../../src/i18n';
import { sendMessage } from '../../src/messaging/send-message';
import type { MessageType, Payload, Reply } from '../../src/messaging/protocol';
import { PORTS } from '../../src/well-known';

const STATE_PORT = PORTS.engineState;
/**
 * Firefox hosts the engine in the phone window, which the user may close: that stops Dialable until the next call or
 * popup (README, Engine (Firefox)), so a page that saw it go says so instead of opening it again behind their back.
 */
const ENGINE_IN_A_WINDOW = chrome.runtime.getURL('').startsWith('moz-extension:');

/** What a page shows after the phone window was closed under it: not connected, no call. */
function closedSnapshot(last: EngineSnapshot): EngineSnapshot {
  return { ...last, calls: [], registration: { state: RegistrationState.Disabled, message: t('phoneWindowClosedStatus') } };
}

/** Sends a typed message to the background. */
export function send<K extends MessageType>(type: K, payload: Payload<K>): Promise<Reply<K>> {
  return sendMessage((m) => chrome.runtime.sendMessage(m), type, payload);
}

/**
 * The engine's state for a page: makes sure the engine runs, then renders its snapshot stream (a Port to the engine
 * page). Reconnects if the port drops (e.g. the engine restarted); on Firefox only to an engine that runs again.
 */
export function useEngine(): EngineSnapshot | undefined {
  const [snapshot, setSnapshot] = useState<EngineSnapshot | undefined>();
  useEffect(() => {
    let port: chrome.runtime.Port | undefined;
    let closed = false;
    const connect = async (ensure: boolean): Promise<void> => {
      if (ensure) await send('ui:ensure-engine', {}).catch(() => undefined);
      if (closed) return;
      port = chrome.runtime.connect({ name: STATE_PORT });
      port.onMessage.addListener((message: EngineSnapshot) => setSnapshot(message));
      port.onDisconnect.addListener(() => {
        if (closed) return;
        if (ENGINE_IN_A_WINDOW) setSnapshot((last) => last && closedSnapshot(last));
        setTimeout(() => void connect(!ENGINE_IN_A_WINDOW), 500);
      });
    };
    void connect(true);
    return () => {
      closed = true;
      port?.disconnect();
    };
  }, []);
  return snapshot;
}
