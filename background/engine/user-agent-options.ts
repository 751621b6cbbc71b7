import { UserAgent, Web, type SessionDescriptionHandlerFactory, type URI, type UserAgentDelegate, type UserAgentOptions } from 'sip.js';
import { logger } from '../../src/logger';
import { effectiveDomain, type Account } from '../../src/settings/account';
import type { MicrophoneSource, SipNetwork } from './sip-network';
import { hostCandidatesFactory } from './host-candidates';
import { newContact, type SipContact } from './unregister-contact';

/** How long SDP creation waits for ICE candidates when STUN/TURN servers are set. */
const ICE_GATHERING_TIMEOUT_MS = 500;

/**
 * sip.js's factory with the host's microphone source (Firefox's phone window takes the stream itself); with no
 * STUN/TURN servers, host candidates are all there will be, so the SDP does not wait for Chromium's slow "complete".
 */
function descriptionHandlerFactory(account: Account, network: SipNetwork, microphone?: MicrophoneSource): SessionDescriptionHandlerFactory {
  const base = network.sessionDescriptionHandlerFactory ?? Web.defaultSessionDescriptionHandlerFactory(microphone);
  return account.iceServers.length === 0 ? hostCandidatesFactory(base) : base;
}

/**
 * The options of one UserAgent for `server` (the account's primary or backup). sip.js's own reconnection and its
 * CRLF keep-alive are off: the Connection runs one retry loop and its own keep-alive that expects an answer.
 */
export function userAgentOptions(
  account: Account,
  server: string,
  uri: URI,
  contact: SipContact,
  delegate: UserAgentDelegate,
  network: SipNetwork,
  microphone?: MicrophoneSource,
): UserAgentOptions {
  return {
    uri,
    ...contact,
    ...(network.transportConstructor ? { transportConstructor: network.transportConstructor } : {}),
    transportOptions: { server, connectionTimeout: 5 },
    authorizationUsername: account.authUsername || account.username,
    authorizationPassword: account.password,
    displayName: account.displayName || undefined,
    // The outbound proxy: a Route header on every request outside a dialog (RFC 3261 §8.1.2).
    preloadedRouteSet: account.outboundProxy ? [`<${account.outboundProxy}>`] : [],
    reconnectionAttempts: 0,
    logBuiltinEnabled: false,
    logLevel: 'error',
    logConnector: (level, category, _label, content) => {
      // sip.js logs whole messages at debug level only; errors are safe to keep (no Authorization header).
      if (level === 'error') logger.warn(`sip.js ${category}: ${content.slice(0, 200)}`);
    },
    sessionDescriptionHandlerFactory: descriptionHandlerFactory(account, network, microphone),
    sessionDescriptionHandlerFactoryOptions: {
      peerConnectionConfiguration: { iceServers: account.iceServers },
      iceGatheringTimeout: ICE_GATHERING_TIMEOUT_MS,
    },
    delegate,
  };
}

/** Where a UserAgent's pieces come from (see Connection's constructor). */
export interface UserAgentHost {
  network: SipNetwork;
  microphone?: MicrophoneSource;
  onContact?: (contact: SipContact) => void;
}

/**
 * A UserAgent for `account` on `server`, with a fresh Contact (told to the host first, see unregister-contact.ts),
 * or undefined when the username and domain do not form a SIP address.
 */
export function newUserAgent(account: Account, server: string, host: UserAgentHost, delegate: UserAgentDelegate): UserAgent | undefined {
  const uri = UserAgent.makeURI(`sip:${account.username}@${effectiveDomain(account)}`);
  if (!uri) return undefined;
  const contact = newContact();
  host.onContact?.(contact);
  return new UserAgent(userAgentOptions(account, server, uri, contact, delegate, host.network, host.microphone));
}
