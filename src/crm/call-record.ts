/**
 * The JSON record Dialable POSTs to the call-log webhook at the end of every call (docs/crm.md). Its field names
 * are a stable interface for the receivers people write: add fields, never rename one.
 */
export interface CallLogRecord {
  /** Dialable's call id, the same as in the CTI page API's events: a receiver can drop a repeated delivery by it. */
  id: string;
  direction: 'incoming' | 'outgoing';
  /** Who called: the caller's number for an incoming call, the account's address of record for an outgoing one. */
  from: string;
  /** Who was called: the other way round. */
  to: string;
  /** The other side's number in E.164 (`+4930…`), '' when it was not a phone number (a SIP user or URI). */
  e164: string;
  displayName?: string;
  /** ISO 8601 times; `answeredAt` only for an answered call. */
  startedAt: string;
  answeredAt?: string;
  endedAt: string;
  /** Seconds talking (answer to end), 0 for a call that was not answered. */
  durationSeconds: number;
  result: CallLogResult;
  /** The page an outgoing call was dialled from: origin and path only. */
  pageUrl?: string;
  /** The account's address of record (`sip:user@domain`). */
  account: string;
}

/**
 * How a call ended. `busy`: the other side was busy (outgoing), or we were and the caller was turned away
 * (incoming); `dnd`: turned away by Do not disturb; `cancelled`: an outgoing call the user hung up before it was
 * answered; `declined`: turned down by the user (incoming) or by the other side (outgoing, 603).
 */
export type CallLogResult = 'answered' | 'missed' | 'declined' | 'busy' | 'dnd' | 'cancelled' | 'failed';

/** What the engine knows about an ended call. */
export interface EndedCall {
  id: string;
  direction: 'incoming' | 'outgoing';
  number: string;
  displayName?: string;
  startedAt: number;
  connectedAt?: number;
  endedAt?: number;
  declined?: boolean;
  /** The SIP status code that ended it, when a final response did. */
  statusCode?: number;
  /** The call failed (not merely ended). */
  failed?: boolean;
  /** Turned away without ringing. */
  turnedAway?: 'busy' | 'dnd';
  source?: { url: string };
}

/** The call's result word (see {@link CallLogResult}). */
export function callLogResult(call: EndedCall): CallLogResult {
  if (call.turnedAway) return call.turnedAway;
  if (call.connectedAt !== undefined) return 'answered';
  if (call.direction === 'incoming') return call.declined ? 'declined' : 'missed';
  if (call.statusCode === 486 || call.statusCode === 600) return 'busy';
  if (call.statusCode === 603) return 'declined';
  if (call.statusCode === 487 || !call.failed) return 'cancelled';
  return 'failed';
}

/**
 * The page address as it goes into the record: origin and path, without the query and fragment. Those often hold
 * what no call log should receive (session tokens, search terms, a customer's e-mail address), and the CRM needs
 * only to know which page or record the call was started from.
 */
export function pageAddress(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return `${parsed.origin}${parsed.pathname}`;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** The record for an ended call; `now` stands in for an end time the call did not record. */
export function callLogRecord(call: EndedCall, account: string, now: number): CallLogRecord {
  const endedAt = call.endedAt ?? now;
  const page = call.direction === 'outgoing' ? pageAddress(call.source?.url) : undefined;
  const other = call.number;
  return {
    id: call.id,
    direction: call.direction,
    from: call.direction === 'incoming' ? other : account,
    to: call.direction === 'incoming' ? account : other,
    e164: E164.test(other) ? other : '',
    ...(call.displayName ? { displayName: call.displayName } : {}),
    startedAt: new Date(call.startedAt).toISOString(),
    ...(call.connectedAt !== undefined ? { answeredAt: new Date(call.connectedAt).toISOString() } : {}),
    endedAt: new Date(endedAt).toISOString(),
    durationSeconds: call.connectedAt !== undefined ? Math.max(0, Math.round((endedAt - call.connectedAt) / 1000)) : 0,
    result: callLogResult(call),
    ...(page ? { pageUrl: page } : {}),
    account,
  };
}
