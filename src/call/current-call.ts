import { CallState, isTerminal } from './call-state';

/**
 * The call the phone's controls (hang up, mute, hold, keypad) act on, among several: the one the user talks in —
 * going on and not held by us — else the newest call going on (all held), else a call that rings in, else the
 * last one that ended (its outcome stays shown).
 */
export function currentCall<T extends { state: CallState; held: boolean }>(calls: readonly T[]): T | undefined {
  const going = calls.filter((c) => !isTerminal(c.state) && c.state !== CallState.Incoming);
  return going.find((c) => !c.held) ?? going.at(-1) ?? calls.find((c) => c.state === CallState.Incoming) ?? calls[0];
}
