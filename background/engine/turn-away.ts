import type { Invitation } from 'sip.js';
import type { HistoryEntry } from '../../src/call/engine-snapshot';
import { busyMissedEntry, dndRejectedEntry } from '../../src/call/history-entry';
import type { IncomingDecision } from '../../src/call/incoming-decision';
import type { EngineEvent } from '../../src/messaging/protocol';
import { turnedAwayCall, type CrmIntegration } from './crm-integration';

/** What turning a caller away touches in the engine. */
export interface TurnAwayContext {
  emit(event: EngineEvent): void;
  /** Counts one more missed call (the badge). */
  addMissed(): void;
  record(entry: HistoryEntry): Promise<void>;
  /** The call log records turned-away callers too. */
  crm?: Pick<CrmIntegration, 'ended'>;
}

/**
 * Answers an incoming call that will not ring. Busy (another call is going on): 486, counted and notified as a
 * missed call. Do not disturb: the chosen code, recorded in the history and nothing else — no notification and no
 * missed-call count, since the user asked not to be disturbed.
 */
export function turnAway(
  invitation: Invitation,
  caller: { number: string; displayName?: string },
  decision: Extract<IncomingDecision, { kind: 'busy' | 'reject' }>,
  context: TurnAwayContext,
): void {
  const now = Date.now();
  void invitation.reject({ statusCode: decision.kind === 'reject' ? decision.code : 486 }).catch(() => undefined);
  context.crm?.ended(turnedAwayCall(invitation.id, caller, decision.kind === 'reject' ? 'dnd' : 'busy'));
  if (decision.kind === 'reject') {
    void context.record(dndRejectedEntry(invitation.id, caller, now));
    return;
  }
  context.addMissed();
  context.emit({ event: 'incoming-ended', callId: invitation.id, missed: true, ...caller });
  void context.record(busyMissedEntry(invitation.id, caller, now));
}
