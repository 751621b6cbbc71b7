import { parseCtiCommand, type CtiEvent, type CtiReply, type CtiRequest } from '../src/cti/cti-wire';
import { sendMessage } from '../src/messaging/send-message';
import { createSettingsStore } from '../src/settings/settings-store';
import { PORTS } from '../src/well-known';
import type { ContentLifetime } from './content-lifetime';

/** How long to wait before connecting the event stream again after the engine page went away (it restarts). */
const RECONNECT_MS = 2_000;
/** How long `subscribe` waits for the event stream to start before it answers anyway. */
const GREETING_WAIT_MS = 5_000;

/**
 * The CTI page API in this frame (docs/cti.md). It exists only when the background says this frame's origin and
 * its tab's top origin are allowed: until then (and forever on any other origin) no listener is added, so a page
 * cannot tell that Dialable is installed. Only messages the window posted to itself (`event.source === window`,
 * same origin) are heard; replies and events go back to this window's own origin only.
 */
export async function startCtiBridge(win: Window, lifetime: ContentLifetime): Promise<void> {
  // Most pages stop here without a message: no CTI origin is set anywhere, so no service worker wakes for them.
  if (!(await createSettingsStore({ storage: chrome.storage }).ctiHint().catch(() => false))) return;
  const send = (request: CtiRequest | { command: 'hello' }) => sendMessage((m) => chrome.runtime.sendMessage(m), 'page:cti', request);
  const hello = await send({ command: 'hello' }).catch(() => undefined);
  if (hello?.ok !== true || !lifetime.alive()) return;
  const origin = win.location.origin;
  const post = (message: object) => win.postMessage(message, origin);

  let port: chrome.runtime.Port | undefined;
  // Settles with the engine page's first message on the port: from then on every change reaches this page.
  let streaming: Promise<void> | undefined;
  const subscribe = async (): Promise<CtiReply | undefined> => {
    const reply = await send({ command: 'subscribe' });
    if (reply?.ok && !port && lifetime.alive()) streaming = connect();
    // The reply waits for the stream, so a call the page places right after it is heard from its first state on.
    await Promise.race([streaming, new Promise((resume) => setTimeout(resume, GREETING_WAIT_MS))]);
    return reply;
  };
  const connect = () =>
    new Promise<void>((streams) => {
      port = chrome.runtime.connect({ name: PORTS.ctiEvents });
      port.onMessage.addListener((events: CtiEvent[]) => {
        streams();
        for (const { event, call } of events) post({ type: 'dialable:event', event, ...(call ? { call } : {}) });
      });
      port.onDisconnect.addListener(() => {
        port = undefined;
        streams();
        // The engine page restarted (or this origin was taken off the list: then subscribing again is refused).
        if (lifetime.alive()) setTimeout(() => void subscribe().catch(() => undefined), RECONNECT_MS);
      });
    });

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win || event.origin !== origin) return;
    const parsed = parseCtiCommand(event.data);
    if (!parsed || !lifetime.alive()) return;
    const { id, request } = parsed;
    const reply = request.command === 'subscribe' && !request.invalid ? subscribe() : send(request);
    void reply.then(
      (answer) => post({ type: 'dialable:reply', id, ...(answer ?? { ok: false, error: 'failed' }) }),
      () => post({ type: 'dialable:reply', id, ok: false, error: 'failed' }),
    );
  };
  win.addEventListener('message', onMessage);
  lifetime.signal.addEventListener(
    'abort',
    () => {
      win.removeEventListener('message', onMessage);
      port?.disconnect();
    },
    { once: true },
  );
}

