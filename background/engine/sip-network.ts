import type { Invitation, SessionDescriptionHandlerFactory, UserAgentOptions } from 'sip.js';
import type { TlsProber } from './describe-connect-failure';
import type { ProbeServer } from './probe-server';

export interface ConnectionDelegate {
  onChange(): void;
  onInvite(invitation: Invitation): void;
  /** Whether a call is up: a lost connection is then made again under the same UserAgent, so the call survives. */
  busy?(): boolean;
  /** The connection was made again under live calls (their dialogs can be refreshed on it). */
  onReconnected?(): void;
}

/** Where call audio comes from; the default is `navigator.mediaDevices.getUserMedia` (see {@link EngineHost}). */
export type MicrophoneSource = (constraints: MediaStreamConstraints) => Promise<MediaStream>;

/**
 * What a UserAgent talks through: by default sip.js's WebSocket transport and its WebRTC session description
 * handler, and a WebSocket probe for "is the primary server back". The engine's unit tests pass fakes here, as
 * SIP.js's own tests do.
 */
export interface SipNetwork {
  transportConstructor?: UserAgentOptions['transportConstructor'];
  sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory;
  probe?: ProbeServer;
  /** Asks a wss:// server over HTTPS why its WebSocket failed; the default only with the real WebSocket transport. */
  tlsProbe?: TlsProber;
}
