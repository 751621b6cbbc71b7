import type { EngineCommand, EngineReply } from '../src/messaging/protocol';
import { openDialer } from './open-dialer';

const NOT_YET = 'Calling from Firefox is not available in this version yet; number detection works.';

/** Firefox until its engine host lands: a click opens the dialer with the number filled in; nothing else. */
export async function fallbackEngine(command: EngineCommand): Promise<EngineReply> {
  switch (command.command) {
    case 'dial':
      await openDialer(command.target);
      return { accepted: true };
    case 'save-account':
      return { registered: false, message: NOT_YET };
    case 'ping':
    case 'settings':
      return { ok: true };
    default:
      return { ok: false, error: NOT_YET };
  }
}
