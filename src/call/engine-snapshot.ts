import type { AudioRole } from './choose-device';
import type { CallLogStatus } from '../crm/call-log-queue';
import type { CallState } from './call-state';
import type { DigitSenderStatus } from './digit-sender';
import type { RegistrationFixField, RegistrationState } from './registration-state';

/** What the popup renders: the engine's whole state, sent once on connect and again on every change. */
export interface EngineSnapshot {
  /**
   * `field`: where to fix it in the options when it does not work (wrong password → the password field); `fixUrl`:
   * the wss:// server's https:// address, when its certificate may not be trusted (opening it shows the browser's
   * certificate warning, where the user can accept it).
   */
  registration: { state: RegistrationState; message: string; aor?: string; field?: RegistrationFixField; fixUrl?: string };
  calls: CallSnapshot[];
  history: HistoryEntry[];
  /** Missed calls since the popup was last opened (toolbar badge). */
  missed: number;
  /** Do not disturb is on (the settings in effect): incoming calls are turned away without ringing. */
  dnd?: boolean;
  /**
   * Audio devices: roles whose chosen device is not plugged in (the default is used meanwhile), and whether this
   * browser can send call audio to a chosen output at all (`setSinkId`).
   */
  audio?: { missing: AudioRole[]; canChooseOutput: boolean };
  /** The call-log webhook's queue (docs/crm.md), while one is configured or records wait. */
  callLog?: CallLogStatus;
}

export interface CallSnapshot {
  id: string;
  direction: 'outgoing' | 'incoming';
  state: CallState;
  /** What was dialed or who is calling: E.164 when known, else the SIP user or URI. */
  number: string;
  displayName?: string;
  /** The page the call came from, when it started from a link. */
  source?: { url: string; title: string };
  startedAt: number;
  connectedAt?: number;
  endedAt?: number;
  muted: boolean;
  held: boolean;
  /** The other side holds the call (the state is then RemoteHold unless we hold it too). */
  remoteHeld?: boolean;
  /** A consult call of an attended transfer: the id of the held call it would be transferred to. */
  consultFor?: string;
  /** Mixed with the other calls in a three-way conference. */
  conference?: boolean;
  /** No audio from the other side for 10 s (inbound RTP stopped); cleared when it flows again. */
  noAudio?: boolean;
  /** Why it failed or ended, as a sentence. */
  reason?: string;
  /** Extension or post-dial digits on their way (or waiting for the user's Send). */
  postDial?: DigitSenderStatus;
}

export interface HistoryEntry {
  id: string;
  direction: 'outgoing' | 'incoming' | 'missed';
  number: string;
  displayName?: string;
  startedAt: number;
  durationMs: number;
  /** "Answered", "Busy — …", "Missed", … */
  result: string;
}

export const HISTORY_LIMIT = 200;
