import type { EngineCommand, EngineReply } from '../src/messaging/protocol';

const NOT_YET = 'Calling from Firefox is not available in this version yet; number detection works.';

/** Firefox until its engine host lands: every call is refused with a reason, so a click opens the dialer with the number. */
export async function fallbackEngine(command: EngineCommand): Promise<EngineReply> {
  switch (command.command) {
    case 'dial':
      return { accepted: false, reason: NOT_YET };
    case 'save-account':
      return { registered: false, message: NOT_YET };
    case 'ping':
    case 'settings':
      return { ok: true };
    default:
      return { ok: false, error: NOT_YET };
  }
}
