import { Inviter, UserAgent } from 'sip.js';
import { t } from '../../src/i18n/t';
import { describeMediaError } from '../../src/call/describe-media-error';
import { Call, type CallDelegate } from './call';

export interface OutgoingCall {
  number: string;
  requestUri: string;
  source?: { url: string; title: string };
  /** A consult call: the id of the held call it may be transferred to. */
  consultFor?: string;
}

/**
 * Sends the INVITE of a new call (with early media: the far end's own ringing or announcements play). Returns the
 * call at once — its outcome arrives through state changes — or the sentence why no INVITE can be made.
 */
export function startOutgoingCall(ua: UserAgent, dial: OutgoingCall, delegate: CallDelegate, track: (call: Call) => void): Call | string {
  const uri = UserAgent.makeURI(dial.requestUri);
  if (!uri) return t('callBadSipAddress');
  const inviter = new Inviter(ua, uri, { earlyMedia: true, sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
  const call = new Call(inviter, 'outgoing', dial.number, delegate, undefined, dial.source);
  call.consultFor = dial.consultFor;
  track(call);
  call.invite().catch((error: unknown) => call.fail(undefined, describeMediaError(error)));
  return call;
}
