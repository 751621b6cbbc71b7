import { t, type MessageKey } from '../i18n/t';

/**
 * One call.
 *
 * ```
 *  outgoing:  Dialing ──100/180──▶ Ringing ──200──▶ Connected ◀──resume──▶ OnHold
 *               │                    │                 │   ▲                 ▲ │
 *  incoming:  Incoming ──answer──────┼────────────────▶│   │ their re-INVITE │ │
 *               │                    │                 │   ▼ sendonly/back   │ ▼
 *               │                    │                 │  RemoteHold ─hold/resume┘
 *               │                    │                 ▼        │
 *               └──── reject/cancel/error ──▶ Failed   Ended ◀──┘ (and from OnHold)
 *                                     (terminal)       (terminal: BYE either side, CANCEL, decline)
 * ```
 * Our own hold wins over the other side's: a call both sides hold shows OnHold, and RemoteHold again when we resume.
 */
export enum CallState {
  Dialing = 'dialing',
  Ringing = 'ringing',
  Incoming = 'incoming',
  Connected = 'connected',
  OnHold = 'on-hold',
  /** The other side put the call on hold (their re-INVITE made their audio sendonly or inactive). */
  RemoteHold = 'remote-hold',
  Ended = 'ended',
  Failed = 'failed',
}

const C = CallState;

export const CALL_MOVES: Record<CallState, readonly CallState[]> = {
  [C.Dialing]: [C.Ringing, C.Connected, C.Ended, C.Failed],
  [C.Ringing]: [C.Connected, C.Ended, C.Failed],
  [C.Incoming]: [C.Connected, C.Ended, C.Failed],
  [C.Connected]: [C.OnHold, C.RemoteHold, C.Ended, C.Failed],
  [C.OnHold]: [C.Connected, C.RemoteHold, C.Ended, C.Failed],
  [C.RemoteHold]: [C.Connected, C.OnHold, C.Ended, C.Failed],
  [C.Ended]: [],
  [C.Failed]: [],
};

const LABEL_KEY = {
  idle: 'callStateIdle',
  [C.Dialing]: 'callStateDialing',
  [C.Ringing]: 'callStateRinging',
  [C.Incoming]: 'callStateIncoming',
  [C.Connected]: 'callStateConnected',
  [C.OnHold]: 'callStateOnHold',
  [C.RemoteHold]: 'callStateRemoteHold',
  [C.Ended]: 'callStateEnded',
  [C.Failed]: 'callStateFailed',
} as const satisfies Record<CallState | 'idle', MessageKey>;

/** The word shown to users for a state, in the UI language (tests look for the English ones). */
export function callStateLabel(state: CallState | 'idle'): string {
  return t(LABEL_KEY[state]);
}

export function isTerminal(state: CallState): boolean {
  return state === C.Ended || state === C.Failed;
}

/** The call was answered and is still going on (talking or held by either side). */
export function isEstablished(state: CallState): boolean {
  return state === C.Connected || state === C.OnHold || state === C.RemoteHold;
}
