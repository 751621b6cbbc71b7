import { CallState } from '../call/call-state';
import type { CallSnapshot, EngineSnapshot } from '../call/engine-snapshot';
import { RegistrationState } from '../call/registration-state';
import type { CtiCall, CtiEvent, CtiEventName } from './cti-wire';

/** What the last snapshot said, as far as the page API's events go. */
export interface CtiSeen {
  registered: boolean;
  calls: ReadonlyMap<string, CtiCall>;
}

/** A call as a page may see it (see {@link CtiCall}): the page it was dialled from stays out. */
export function ctiCall(call: CallSnapshot): CtiCall {
  return {
    id: call.id,
    direction: call.direction,
    number: call.number,
    displayName: call.displayName ?? '',
    state: call.state,
    startedAt: call.startedAt,
    ...(call.connectedAt !== undefined ? { answeredAt: call.connectedAt } : {}),
    ...(call.endedAt !== undefined ? { endedAt: call.endedAt } : {}),
    ...(call.reason !== undefined ? { reason: call.reason } : {}),
  };
}

/** The page API's view of a snapshot, to compare the next one with. */
export function ctiSeen(snapshot: Pick<EngineSnapshot, 'registration' | 'calls'>): CtiSeen {
  return {
    registered: snapshot.registration.state === RegistrationState.Registered,
    calls: new Map(snapshot.calls.map((c) => [c.id, ctiCall(c)])),
  };
}

const C = CallState;

/**
 * The event a call's move from `before` (undefined: a call not seen yet) to `now` is, or undefined when the page
 * need not hear of it (Dialing → Ringing is one RINGING; a repeated state is nothing).
 *
 * ```
 *  new Incoming ─▶ INCOMING         new Dialing/Ringing ─▶ RINGING
 *  Incoming/Dialing/Ringing ─▶ Connected: CONNECTED
 *  Connected/RemoteHold ─▶ OnHold: ON_HOLD        OnHold/RemoteHold ─▶ Connected: RESUMED
 *  Connected/OnHold ─▶ RemoteHold: REMOTE_HOLD ("Held by the other side")
 *  ─▶ Ended: HANGUP when it had been answered, CANCEL when it never was
 *  ─▶ Failed: HANGUP when it had been answered, FAILED when it never was
 * ```
 */
export function ctiEventFor(before: CtiCall | undefined, now: CtiCall): CtiEventName | undefined {
  const from = before?.state;
  if (from === now.state) return undefined;
  switch (now.state) {
    case C.Incoming:
      return from === undefined ? 'INCOMING' : undefined;
    case C.Dialing:
    case C.Ringing:
      return from === undefined ? 'RINGING' : undefined;
    case C.Connected:
      return from === C.OnHold || from === C.RemoteHold ? 'RESUMED' : 'CONNECTED';
    case C.OnHold:
      return 'ON_HOLD';
    case C.RemoteHold:
      return 'REMOTE_HOLD';
    case C.Ended:
      return now.answeredAt !== undefined ? 'HANGUP' : 'CANCEL';
    case C.Failed:
      // Any end of a call that had been answered is a HANGUP for the page (its CRM logs a conversation).
      return now.answeredAt !== undefined ? 'HANGUP' : 'FAILED';
  }
}

/**
 * The events between two snapshots, in order: registration first, then each call's. A call that left the list
 * without being seen to end (the list keeps only so many ended calls) ends as HANGUP or CANCEL.
 */
export function ctiEvents(before: CtiSeen, now: CtiSeen): CtiEvent[] {
  const events: CtiEvent[] = [];
  if (now.registered !== before.registered) events.push({ event: now.registered ? 'REGISTERED' : 'UNREGISTERED' });
  for (const call of now.calls.values()) {
    const previous = before.calls.get(call.id);
    // Every outgoing call starts with RINGING, even one first seen already answered or ended.
    if (!previous && call.direction === 'outgoing' && call.state !== C.Dialing && call.state !== C.Ringing) events.push({ event: 'RINGING', call });
    const event = ctiEventFor(previous, call);
    if (event) events.push({ event, call });
  }
  for (const [id, call] of before.calls) {
    if (now.calls.has(id) || call.state === C.Ended || call.state === C.Failed) continue;
    events.push({ event: call.answeredAt !== undefined ? 'HANGUP' : 'CANCEL', call: { ...call, state: C.Ended } });
  }
  return events;
}
