import { t } from '../../src/i18n/t';
import { isEstablished } from '../../src/call/call-state';
import type { DialResult, LineAction } from '../../src/messaging/protocol';
import type { Call } from './call';
import type { CallList } from './call-list';
import { attendedTransfer } from './call-transfer';
import { Conference } from './conference';

/** What the lines need from the engine: placing the consult call of an attended transfer. */
export interface LinesHost {
  consult(first: Call, input: string): Promise<DialResult>;
}

/**
 * Several calls at once, one of them live: answering, resuming or placing a call first holds the others; swap,
 * attended transfer (consult → complete or cancel) and the three-way conference. Errors are thrown as sentences.
 */
export class Lines {
  private conference: Conference | undefined;
  /** First calls whose attended transfer is under way (their consult call ending is then not a cancel). */
  private readonly transferring = new Set<Call>();

  constructor(
    private readonly calls: CallList,
    private readonly host: LinesHost,
  ) {}

  /** Holds every answered call but `call`, so that it (or a new call) can be the live one; a conference ends first. */
  async holdOthers(call?: Call): Promise<void> {
    if (this.conference && !(call && this.conference.includes(call))) await this.endConference();
    for (const other of this.calls.going()) if (other !== call && isEstablished(other.state) && !other.held) await other.setHeld(true);
  }

  async hold(call: Call): Promise<void> {
    if (this.conference?.includes(call)) await this.endConference();
    await call.setHeld(true);
  }

  async resume(call: Call): Promise<void> {
    await this.holdOthers(call);
    await call.setHeld(false);
  }

  /** In a conference the user is muted towards everyone, not only towards one of the calls. */
  setMuted(call: Call, muted: boolean): void {
    const calls = call.conference ? this.calls.going().filter((c) => c.conference) : [call];
    for (const c of calls) c.setMuted(muted);
  }

  async act(call: Call, action: LineAction): Promise<void> {
    switch (action.action) {
      case 'swap':
        return this.swap();
      case 'consult':
        return this.consult(call, action.target);
      case 'complete-transfer':
        return this.completeTransfer();
      case 'cancel-consult':
        return this.cancelConsult();
      case 'merge':
        return this.merge();
    }
  }

  /** A call ended: a conference goes on with the calls left (or ends), and a consult call gives the first caller back. */
  async ended(call: Call): Promise<void> {
    if (this.conference?.includes(call)) {
      const left = this.calls.going().filter((c) => c.conference && c !== call);
      await this.endConference();
      if (left.length >= 2) await this.startConference(left).catch(() => undefined);
    }
    const first = call.consultFor ? this.calls.going().find((c) => c.id === call.consultFor) : undefined;
    if (first && !this.transferring.has(first) && first.held && !this.calls.going().some((c) => c !== first && isEstablished(c.state) && !c.held)) {
      await first.setHeld(false).catch(() => undefined);
    }
    this.transferring.delete(call);
  }

  private async swap(): Promise<void> {
    const answered = this.calls.going().filter((c) => isEstablished(c.state));
    const live = answered.find((c) => !c.held);
    const from = live ? answered.indexOf(live) : -1;
    const next = [...answered.slice(from + 1), ...answered.slice(0, Math.max(from, 0))].find((c) => c.held);
    if (!next) throw new Error(t('callNeedsTwoCalls'));
    await this.resume(next);
  }

  private async consult(first: Call, input: string): Promise<void> {
    if (!isEstablished(first.state)) throw new Error(t('callNotAnswered'));
    await this.holdOthers();
    const result = await this.host.consult(first, input);
    if (!result.accepted) {
      await first.setHeld(false).catch(() => undefined);
      throw new Error(t('callConsultFailed', input, result.reason ?? ''));
    }
  }

  private consultPair(): { first: Call; consult: Call } {
    const going = this.calls.going();
    const consult = going.find((c) => c.consultFor);
    const first = consult && going.find((c) => c.id === consult.consultFor);
    if (!consult || !first) throw new Error(t('callNeedsTwoCalls'));
    return { first, consult };
  }

  private async completeTransfer(): Promise<void> {
    const { first, consult } = this.consultPair();
    this.transferring.add(first);
    try {
      await attendedTransfer(first, consult);
    } catch (error) {
      this.transferring.delete(first);
      // Whatever went wrong, the user is given the first caller back and the consulted person waits on hold.
      if (isEstablished(consult.state)) await consult.setHeld(true).catch(() => undefined);
      if (isEstablished(first.state)) await first.setHeld(false).catch(() => undefined);
      throw error;
    }
  }

  private async cancelConsult(): Promise<void> {
    const { first, consult } = this.consultPair();
    consult.consultFor = undefined;
    await consult.hangup();
    if (isEstablished(first.state)) await this.resume(first);
  }

  private async merge(): Promise<void> {
    const answered = this.calls.going().filter((c) => isEstablished(c.state));
    if (answered.length < 2) throw new Error(t('callNeedsTwoCalls'));
    for (const call of answered) {
      call.consultFor = undefined;
      if (call.held) await call.setHeld(false);
    }
    await this.startConference(answered);
  }

  private async startConference(calls: Call[]): Promise<void> {
    const conference = new Conference();
    try {
      await conference.start(calls);
    } catch (error) {
      await conference.stop();
      throw new Error(t('callConferenceFailed', error instanceof Error ? error.message : String(error)), { cause: error });
    }
    this.conference = conference;
    for (const call of calls) call.notify();
  }

  private async endConference(): Promise<void> {
    const conference = this.conference;
    this.conference = undefined;
    await conference?.stop();
  }
}
