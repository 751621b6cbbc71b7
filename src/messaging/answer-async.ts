import { logger } from '../logger';

/**
 * A `runtime.onMessage` listener for a router whose handlers answer with promises: `false` leaves a message to
 * another context (every extension page hears every runtime message), `true` keeps the channel open until the reply
 * is sent. Chrome's `chrome.runtime.onMessage` ignores a returned promise, so the reply goes through `sendResponse`.
 */
export function answerAsync<S>(route: (message: unknown, sender: S) => Promise<unknown> | undefined, what: string) {
  return (message: unknown, sender: S, sendResponse: (reply: unknown) => void): boolean => {
    const reply = route(message, sender);
    if (!reply) return false;
    reply.then(sendResponse, (error: unknown) => {
      logger.error(`${what} failed`, error);
      sendResponse(undefined);
    });
    return true;
  };
}
