import { badgeFor } from '../../src/call/badge-for';
import { answerAsync } from '../../src/messaging/answer-async';
import { createRouter } from '../../src/messaging/create-router';
import { sendMessage } from '../../src/messaging/send-message';
import type { EngineEvent } from '../../src/messaging/protocol';
import { logger } from '../../src/logger';
import { identifySender } from '../../src/messaging/identify-sender';
import { Engine } from './engine';
import type { EngineHost } from './engine-host';
import { engineCommands, handleCommand } from './handle-command';
import { PORTS } from '../../src/well-known';
import type { EngineSnapshot } from '../../src/call/engine-snapshot';
import { serveCti } from './serve-cti';

/** The name of the runtime Port our pages open to receive the engine's snapshot stream. */
export const STATE_PORT = PORTS.engineState;

/**
 * Hosts the engine in the current extension page (Chrome's offscreen document; Firefox's phone window): answers
 * `engine:command` messages, streams snapshots to connected pages, forwards events to the background, and retries
 * registration at once when the network comes back. Uses only `chrome.runtime`, the one API offscreen documents get.
 */
export function serveEngine(host: EngineHost = {}): Engine {
  const runtime = chrome.runtime;
  const origin = runtime.getURL('');
  const ports = new Set<chrome.runtime.Port>();
  let lastBadge = '';

  let toCti: (snapshot: EngineSnapshot) => void = () => undefined;
  const emit = (event: EngineEvent): void => {
    if (event.event === 'snapshot') {
      for (const port of ports) port.postMessage(event.snapshot);
      toCti(event.snapshot);
      // The background only needs snapshots that change the toolbar icon (text, colour or tooltip).
      const badge = JSON.stringify(badgeFor(event.snapshot));
      if (badge === lastBadge) return;
      lastBadge = badge;
    }
    runtime.sendMessage({ type: 'engine:event', payload: event }).catch(() => undefined);
  };

  const mayReach = async (origin: string) => (await sendMessage(runtime.sendMessage, 'engine:may-send', { origin }))?.allowed === true;
  const engine = new Engine(document, emit, { mayReach, ...host });
  toCti = serveCti(runtime, engine);
  const commands = engineCommands(engine);
  const route = createRouter<'engine', chrome.runtime.MessageSender>(
    { 'engine:command': (command) => handleCommand(commands, command) },
    (sender) => identifySender(sender, runtime.id, origin),
  );
  runtime.onMessage.addListener(answerAsync(route, 'Engine command'));
  runtime.onConnect.addListener((port) => {
    if (port.name !== STATE_PORT || identifySender(port.sender ?? {}, runtime.id, origin)?.origin !== 'extension') return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    port.postMessage(engine.snapshot());
  });
  addEventListener('online', () => engine.setOnline(true));
  addEventListener('offline', () => engine.setOnline(false));
  engine
    .start()
    .then(() => {
      if (!navigator.onLine) engine.setOnline(false);
    })
    .catch((error: unknown) => logger.error('Engine start failed', error));
  return engine;
}
