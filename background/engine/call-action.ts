import type { CallAction } from '../../src/messaging/protocol';
import type { DtmfMode } from '../../src/settings/defaults';
import type { Call } from './call';
import { blindTransfer } from './call-transfer';
import type { Lines } from './lines';

/** What an action needs from the engine besides the call. */
export interface ActionContext {
  /** Why the microphone cannot be used yet (answering needs it), or undefined. */
  microphoneProblem: () => Promise<string | undefined>;
  dtmf: DtmfMode;
  /** The request URI for what the user typed as the transfer target. */
  transferUri: (input: string) => string;
  /** The Send button: digits waiting after a `;` go now (false when none wait). */
  sendDigits: () => { ok: boolean };
  /** A local key tone for a keypad digit (see KeyTones). */
  keyTone: (tone: string) => void;
  /** The other calls: answering or resuming one holds the rest. */
  lines: Lines;
}

/** Carries out a user's action on a call; a failure comes back as its message instead of being thrown. */
export async function performAction(call: Call, action: CallAction, context: ActionContext): Promise<{ ok: boolean; error?: string }> {
  const { lines } = context;
  try {
    switch (action.action) {
      case 'hangup':
      case 'decline':
        await call.hangup();
        break;
      case 'answer': {
        const microphone = await context.microphoneProblem();
        if (microphone) return { ok: false, error: microphone };
        await lines.holdOthers(call);
        await call.answer();
        break;
      }
      case 'mute':
      case 'unmute':
        lines.setMuted(call, action.action === 'mute');
        break;
      case 'hold':
        await lines.hold(call);
        break;
      case 'resume':
        await lines.resume(call);
        break;
      case 'dtmf':
        context.keyTone(action.tone);
        await call.sendDtmf(action.tone, context.dtmf);
        break;
      case 'send-digits':
        return context.sendDigits();
      case 'transfer':
        await blindTransfer(call, context.transferUri(action.target));
        break;
      default:
        await lines.act(call, action);
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
