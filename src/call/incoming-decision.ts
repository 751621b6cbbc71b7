import type { CallingSettings } from '../settings/defaults';

/**
 * What becomes of an incoming call:
 * - `reject`: Do not disturb is on; the caller hears `code` (486 or 480), nothing rings, nothing is notified.
 * - `busy`: as many calls are going on as the engine takes; the caller hears 486 and it counts as missed.
 * - `ring`: it rings for the user to answer.
 * - `auto-answer`: it rings and is answered by itself after `afterMs` (`intercom`: because the caller asked to).
 */
export type IncomingDecision =
  | { kind: 'reject'; code: 486 | 480 }
  | { kind: 'busy' }
  | { kind: 'ring' }
  | { kind: 'auto-answer'; afterMs: number; intercom: boolean };

/** Everything the decision depends on, read from the INVITE, the settings in effect and the engine. */
export interface IncomingFacts {
  calling: Pick<CallingSettings, 'dnd' | 'dndResponse' | 'autoAnswer' | 'intercom'>;
  /** The INVITE's `Call-Info` and `Alert-Info` header values (every occurrence). */
  callInfo: readonly string[];
  alertInfo: readonly string[];
  /** The host of the caller's From URI, and the account's own SIP domain. */
  fromDomain: string;
  accountDomain: string;
  /** Calls that are not over yet (ringing, connected, on hold), this one not counted. */
  callsGoingOn: number;
  /** How many calls the engine takes at once. */
  maxCalls?: number;
}

/** The longest `answer-after` honoured from a caller: a larger value is a ringing call like any other. */
const MAX_ANSWER_AFTER_SECONDS = 60;

/**
 * Decides what an incoming call does. Pure: the engine reads the facts and carries the decision out (and, for an
 * auto-answer, checks again when the time comes that the microphone is granted and nothing else is going on).
 */
export function decideIncoming(facts: IncomingFacts): IncomingDecision {
  const { calling } = facts;
  if (calling.dnd) return { kind: 'reject', code: calling.dndResponse };
  if (facts.callsGoingOn >= (facts.maxCalls ?? 1)) return { kind: 'busy' };
  // Answering opens the microphone: never while the user is already talking to someone else.
  if (facts.callsGoingOn > 0) return { kind: 'ring' };
  if (calling.intercom && sameDomain(facts.fromDomain, facts.accountDomain)) {
    const seconds = intercomRequest(facts.callInfo, facts.alertInfo);
    if (seconds !== undefined) return { kind: 'auto-answer', afterMs: seconds * 1000, intercom: true };
  }
  if (calling.autoAnswer > 0) return { kind: 'auto-answer', afterMs: calling.autoAnswer * 1000, intercom: false };
  return { kind: 'ring' };
}

/**
 * The delay (seconds) an INVITE asks to be answered after, or undefined: `Call-Info: <uri>;answer-after=N` (the
 * Polycom/Yealink/Cisco convention), `Alert-Info: …;info=alert-autoanswer` or an `Alert-Info` naming `auto-answer`
 * (`<http://www.notused.com>;info=alert-autoanswer`, `Auto Answer`, `Ring Answer`: at once).
 */
export function intercomRequest(callInfo: readonly string[], alertInfo: readonly string[]): number | undefined {
  for (const header of callInfo) {
    const match = /;\s*answer-after\s*=\s*"?(\d{1,6})"?/i.exec(header);
    if (match) {
      const seconds = Number(match[1]);
      if (seconds <= MAX_ANSWER_AFTER_SECONDS) return seconds;
    }
  }
  if (alertInfo.some((header) => /info\s*=\s*"?alert-autoanswer|auto[-\s]?answer|ring\s*answer/i.test(header))) return 0;
  return undefined;
}

/** SIP domains compare case-insensitively (RFC 3261 §19.1.4); an empty domain matches nothing. */
function sameDomain(a: string, b: string): boolean {
  const norm = (d: string) => d.trim().toLowerCase().replace(/\.$/, '');
  return norm(a) !== '' && norm(a) === norm(b);
}
