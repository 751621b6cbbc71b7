import { logger } from '../logger';
import type { Destination, HandlersFor, SenderInfo } from './protocol';
import { ALLOWED_ORIGINS, validateEnvelope } from './validate-envelope';

/**
 * Builds a destination's message dispatcher. Messages addressed elsewhere get `undefined` synchronously, so another
 * context (every extension page hears every runtime message) can answer them. Malformed messages, and messages from
 * senders that may not send them, are dropped with a log line that never includes the payload.
 * `identify` turns the browser's sender object into {@link SenderInfo} (undefined for a foreign sender).
 */
export function createRouter<D extends Destination, S>(handlers: HandlersFor<D>, identify: (sender: S) => SenderInfo | undefined) {
  return (message: unknown, sender: S): Promise<unknown> | undefined => {
    const type = typeOf(message);
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const envelope = safely(() => validateEnvelope(message));
    const who = identify(sender);
    if (!envelope || !who) {
      logger.warn(`Ignored a malformed "${type}" message or one from an unknown sender`);
      return undefined;
    }
    if (!(ALLOWED_ORIGINS[envelope.type] as readonly string[]).includes(who.origin)) {
      logger.warn(`Ignored "${envelope.type}" from ${who.origin}`);
      return undefined;
    }
    const handler = (handlers as Record<string, (payload: unknown, sender: SenderInfo) => Promise<unknown>>)[type];
    return handler?.(envelope.payload, who);
  };
}

/** The message's `type`, or undefined for anything that is not a readable object (a hostile getter throws). */
function typeOf(message: unknown): unknown {
  return safely(() => (typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined));
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
