import type { CallSnapshot } from '../../src/call/engine-snapshot';
import { isTerminal } from '../../src/call/call-state';
import type { Call } from './call';

/**
 * The engine's calls: those going on, and the last one that ended (the popup keeps showing how it ended until the
 * next call starts).
 */
export class CallList {
  all: Call[] = [];
  private last: Call | undefined;

  /** The call going on, if any (one at a time). */
  active(): Call | undefined {
    return this.all.find((c) => !isTerminal(c.state));
  }

  /** The call an action is for: the one with `callId`, or without one the call going on. */
  find(callId: string | undefined): Call | undefined {
    return this.all.find((c) => (callId ? c.id === callId : !isTerminal(c.state)));
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
