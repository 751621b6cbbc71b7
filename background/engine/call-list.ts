import type { CallSnapshot } from '../../src/call/engine-snapshot';
import { isTerminal } from '../../src/call/call-state';
import { currentCall } from '../../src/call/current-call';
import type { Call } from './call';

/**
 * The engine's calls: those going on (one per line), and the last one that ended (the popup keeps showing how it
 * ended until the next call starts).
 */
export class CallList {
  all: Call[] = [];
  private last: Call | undefined;

  /** The call the user is in (see {@link currentCall}): media checks and the tests' RTP counters look at it. */
  active(): Call | undefined {
    return currentCall(this.going());
  }

  /** Calls not ended yet, ringing ones included: each takes a line. */
  going(): Call[] {
    return this.all.filter((c) => !isTerminal(c.state));
  }

  /** The call an action is for: the one with `callId`, or without one the current call. */
  find(callId: string | undefined): Call | undefined {
    return callId ? this.all.find((c) => c.id === callId) : this.active();
  }

  add(call: Call): void {
    this.all.push(call);
    this.last = undefined;
  }

  ended(call: Call): void {
    this.all = this.all.filter((c) => c !== call);
    this.last = call;
  }

  snapshots(): CallSnapshot[] {
    const calls = this.all.map((c) => c.snapshot());
    if (calls.length === 0 && this.last) calls.push(this.last.snapshot());
    return calls;
  }
}
