import { CallState, isTerminal } from '../../src/call/call-state';
import { CallLogQueue, type CallLogStatus, type StoredCallLog } from '../../src/crm/call-log-queue';
import { callLogRecord, type EndedCall } from '../../src/crm/call-record';
import { expandScreenPop } from '../../src/crm/screen-pop';
import type { EngineEvent } from '../../src/messaging/protocol';
import type { CallingSettings } from '../../src/settings/defaults';
import { secretStore } from '../../src/settings/secret-store';
import { SECRET_KEYS } from '../../src/well-known';
import type { Call } from './call';
import { sendCallRecord, type MayReach } from './send-call-record';

const E164 = /^\+[1-9]\d{6,14}$/;
/** Calls whose stage is remembered (a call reports many changes; each stage counts once). */
const REMEMBERED = 100;

type Stage = 'rang' | 'answered' | 'ended';

/**
 * Screen-pop and the call-log webhook (docs/crm.md), beside the engine: it hears every change of every call and
 * acts once per stage — an incoming call rings (screen-pop on ring), is answered (screen-pop on answer), any call
 * ends (its record is queued for the webhook). Screen-pop asks the background to open the CRM's page. Neither
 * does anything unless its URL is set.
 */
export class CrmIntegration {
  private readonly queue: CallLogQueue;
  private readonly stages = new Map<string, Stage>();
  private callLogUrl: string | undefined;

  constructor(
    private readonly calling: () => CallingSettings,
    /** The account's address of record, `user@domain`. */
    private readonly aor: () => string | undefined,
    private readonly emit: (event: EngineEvent) => void,
    onChange: () => void,
    /** Whether the user allowed records to go to an origin (the engine host asks the background). */
    mayReach: MayReach,
  ) {
    this.queue = new CallLogQueue({
      load: () => secretStore.get<StoredCallLog>(SECRET_KEYS.callLogQueue),
      save: (state) => secretStore.set(SECRET_KEYS.callLogQueue, state),
      send: (record) => sendCallRecord(this.calling().callLogUrl, record, mayReach),
      configured: () => this.calling().callLogUrl !== '',
      onChange,
    });
    // What waited when the engine page last closed goes out now.
    void this.queue.load();
  }

  /**
   * The queue for the engine's snapshot (absent while no webhook was ever set). Every snapshot follows a settings
   * change, so this is also where a new webhook address is noticed: it is tried at once, not after the delay.
   */
  status(): CallLogStatus | undefined {
    const url = this.calling().callLogUrl;
    if (url !== this.callLogUrl) this.queue.retryNow();
    this.callLogUrl = url;
    const status = this.queue.status();
    return url === '' && status.waiting === 0 && status.delivered === 0 ? undefined : status;
  }

  callChanged(call: Call): void {
    const stage = this.stages.get(call.id);
    if (stage === 'ended') return;
    if (isTerminal(call.state)) {
      this.remember(call.id, 'ended');
      this.ended(endedCall(call));
    } else if (call.direction !== 'incoming') {
      return;
    } else if (stage === undefined && call.state === CallState.Incoming) {
      this.remember(call.id, 'rang');
      if (this.calling().screenPopWhen === 'ring') this.pop(call);
    } else if (stage !== 'answered' && call.connectedAt !== undefined) {
      this.remember(call.id, 'answered');
      if (this.calling().screenPopWhen === 'answer') this.pop(call);
    }
  }

  /** A call ended (or a caller was turned away): its record goes to the webhook's queue. */
  ended(call: EndedCall): void {
    if (this.calling().callLogUrl === '') return;
    const aor = this.aor();
    this.queue.add(callLogRecord(call, aor ? `sip:${aor}` : '', Date.now()));
  }

  private remember(id: string, stage: Stage): void {
    this.stages.delete(id);
    this.stages.set(id, stage);
    if (this.stages.size > REMEMBERED) this.stages.delete(this.stages.keys().next().value!);
  }

  private pop(call: Call): void {
    const template = this.calling().screenPopUrl;
    if (template === '') return;
    const url = expandScreenPop(template, {
      e164: E164.test(call.number) ? call.number : '',
      number: call.number,
      name: call.displayName ?? '',
      direction: call.direction,
    });
    if (url) this.emit({ event: 'screen-pop', url });
  }
}

/** An incoming call turned away before it rang (all lines busy, or Do not disturb), as the call log records it. */
export function turnedAwayCall(id: string, caller: { number: string; displayName?: string }, kind: 'busy' | 'dnd'): EndedCall {
  const now = Date.now();
  return { id, direction: 'incoming', ...caller, startedAt: now, endedAt: now, turnedAway: kind };
}

/** An ended call of the engine, as the call log records it. */
export function endedCall(call: Call): EndedCall {
  return {
    id: call.id,
    direction: call.direction,
    ...call.caller(),
    startedAt: call.startedAt,
    ...(call.connectedAt !== undefined ? { connectedAt: call.connectedAt } : {}),
    ...(call.endedAt !== undefined ? { endedAt: call.endedAt } : {}),
    declined: call.declined,
    ...(call.statusCode !== undefined ? { statusCode: call.statusCode } : {}),
    failed: call.state === CallState.Failed,
    ...(call.source ? { source: { url: call.source.url } } : {}),
  };
}
