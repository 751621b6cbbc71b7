import { logger } from '../logger';
import type { Handlers, SenderInfo } from './protocol';
import { ALLOWED_ORIGINS, validateEnvelope } from './validate-envelope';

/**
 * Builds the single message dispatcher: validates the envelope, checks that the sender may send this message, and
 * calls its handler. Unknown, malformed or unauthorised messages get `undefined` (and a log line without payload).
 * `identify` turns the browser's sender object into {@link SenderInfo} (or undefined for a foreign sender).
 */
export function createRouter<S>(handlers: Handlers, identify: (sender: S) => SenderInfo | undefined) {
  return async (message: unknown, sender: S): Promise<unknown> => {
    const envelope = validateEnvelope(message);
    const who = identify(sender);
    if (!envelope || !who) {
      logger.warn('Ignored a malformed message or one from an unknown sender');
      return undefined;
    }
    const allowed = ALLOWED_ORIGINS[envelope.type] as readonly string[];
    if (!allowed.includes(who.origin)) {
      logger.warn(`Ignored "${envelope.type}" from ${who.origin}`);
      return undefined;
    }
    const handler = handlers[envelope.type] as (payload: unknown, sender: SenderInfo) => Promise<unknown>;
    return handler(envelope.payload, who);
  };
}
