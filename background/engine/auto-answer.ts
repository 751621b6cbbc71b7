import { CallState, isTerminal } from '../../src/call/call-state';
import type { Call } from './call';
import type { CallList } from './call-list';
import { microphoneProblem } from './microphone-problem';

/**
 * Answers a ringing call by itself after a delay (see `decideIncoming`). Everything is checked again when the time
 * comes: the caller may have hung up, the user may have answered or declined, or another call may have started
 * (then it keeps ringing: the user is talking to someone). Without the microphone grant it keeps ringing too, for
 * the user to answer and be asked for the grant. `beep`: the short tone that says the call was answered by itself.
 */
export class AutoAnswer {
  constructor(
    private readonly calls: CallList,
    private readonly beep: () => void,
  ) {}

  schedule(call: Call, afterMs: number): void {
    setTimeout(() => void this.answer(call), afterMs);
  }

  private async answer(call: Call): Promise<void> {
    if (!this.stillRinging(call) || (await microphoneProblem(() => undefined)) !== undefined || !this.stillRinging(call)) return;
    // A failed answer ends the call through its state machine, with the reason shown: nothing to beep about.
    const answered = await call.answer().then(
      () => true,
      () => false,
    );
    if (answered) this.beep();
  }

  private stillRinging(call: Call): boolean {
    return call.state === CallState.Incoming && !this.calls.all.some((c) => c !== call && !isTerminal(c.state));
  }
}
