import type { EngineCommand, EngineReply } from '../../src/messaging/protocol';

/** How long a freshly opened engine page may take to listen (a Firefox window on a busy machine takes seconds). */
const START_WAIT_MS = 10_000;

/**
 * Sends engine commands to whichever page hosts the engine (Chrome's offscreen document, Firefox's phone window),
 * making sure it exists first with `ensure`.
 */
export function engineChannel(ensure: () => Promise<void>): (command: EngineCommand) => Promise<EngineReply> {
  return async (command) => {
    await ensure();
    const deadline = Date.now() + START_WAIT_MS;
    for (;;) {
      try {
        return (await chrome.runtime.sendMessage({ type: 'engine:command', payload: command })) as EngineReply;
      } catch (error) {
        // Right after creation the page may not have registered its listener yet (Chrome and Firefox both say
        // "Receiving end does not exist").
        if (Date.now() > deadline || !String(error).includes('Receiving end does not exist')) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
}
