import type { Invitation } from 'sip.js';
import { decideIncoming, type IncomingDecision } from '../../src/call/incoming-decision';
import type { CallingSettings } from '../../src/settings/defaults';

/**
 * {@link decideIncoming} for an INVITE. The From host is what the SIP server let through: a server that
 * authenticates its own domain's callers (as Kamailio and Asterisk do by default) makes it trustworthy for the
 * intercom check, and a caller from anywhere else never gets the microphone opened by a header.
 */
export function decideIncomingCall(invitation: Invitation, calling: CallingSettings, accountDomain: string, callsGoingOn: number): IncomingDecision {
  // Each line takes a call: one more caller than there are lines hears busy.
  const request = invitation.request;
  return decideIncoming({
    calling,
    callInfo: request.getHeaders('Call-Info'),
    alertInfo: request.getHeaders('Alert-Info'),
    fromDomain: invitation.remoteIdentity.uri.host ?? '',
    accountDomain,
    callsGoingOn,
    maxCalls: calling.maxLines,
  });
}
