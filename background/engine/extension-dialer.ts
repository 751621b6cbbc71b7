import { CallState, isTerminal } from '../../src/call/call-state';
import { DigitSender } from '../../src/call/digit-sender';
import type { CallSnapshot } from '../../src/call/engine-snapshot';
import { postDialPlan } from '../../src/call/post-dial';
import type { ResolvedTarget } from '../../src/messaging/protocol';
import { extensionModeOf, type Account } from '../../src/settings/account';
import type { CallingSettings } from '../../src/settings/defaults';
import type { Call } from './call';

/**
 * Sends each call's extension and post-dial digits (see `postDialPlan`) once it is connected, with the one DTMF
 * setting, and tells the popup what it is sending. Hooked to the call's own state machine, so the engine only
 * attaches calls and reads the status.
 */
export class ExtensionDialer {
  private readonly senders = new Map<string, DigitSender>();

  constructor(
    /** The calling settings when they are needed: the DTMF setting as each digit goes (it may change mid-call). */
    private readonly calling: () => CallingSettings,
    private readonly account: () => Account | undefined,
    private readonly changed: () => void,
  ) {}

  /** A call to `target` was placed: its extension and post-dial digits go once it is connected. */
  attach(call: Call, target: ResolvedTarget): void {
    const steps = postDialPlan(target, { extensionMode: extensionModeOf(this.account()), extensionDelayMs: this.calling().extensionDelay * 1000 });
    if (steps.length === 0) return;
    const sender = new DigitSender(steps, { send: (digit) => call.sendDtmf(digit, this.calling().dtmf), onChange: () => this.changed() });
    this.senders.set(call.id, sender);
    const off = call.machine.onChange((state) => {
      if (state === CallState.Connected) sender.start();
      if (!isTerminal(state)) return;
      sender.stop();
      this.senders.delete(call.id);
      off();
    });
  }

  /** The popup's Send: the digits after a `;` go now. */
  resume(callId: string): { ok: boolean } {
    return { ok: this.senders.get(callId)?.resume() ?? false };
  }

  /** The call's snapshot with what is being sent, if anything. */
  annotate(snapshot: CallSnapshot): CallSnapshot {
    const status = this.senders.get(snapshot.id)?.status;
    return status ? { ...snapshot, postDial: status } : snapshot;
  }
}
