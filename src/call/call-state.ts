/**
 * One call.
 *
 * ```
 *  outgoing:  Dialing ──100/180──▶ Ringing ──200──▶ Connected ◀──resume──▶ OnHold
 *               │                    │                 │                     │
 *  incoming:  Incoming ──answer──────┼────────────────▶│                     │
 *               │                    │                 ▼                     │
 *               └──── reject/cancel/error ──▶ Failed   Ended ◀───────────────┘
 *                                     (terminal)       (terminal: BYE either side, CANCEL, decline)
 * ```
 */
export enum CallState {
  Dialing = 'dialing',
  Ringing = 'ringing',
  Incoming = 'incoming',
  Connected = 'connected',
  OnHold = 'on-hold',
  Ended = 'ended',
  Failed = 'failed',
}

const C = CallState;

export const CALL_MOVES: Record<CallState, readonly CallState[]> = {
  [C.Dialing]: [C.Ringing, C.Connected, C.Ended, C.Failed],
  [C.Ringing]: [C.Connected, C.Ended, C.Failed],
  [C.Incoming]: [C.Connected, C.Ended, C.Failed],
  [C.Connected]: [C.OnHold, C.Ended, C.Failed],
  [C.OnHold]: [C.Connected, C.Ended, C.Failed],
  [C.Ended]: [],
  [C.Failed]: [],
};

/** Words shown to users for each state (tests look for these). */
export const CALL_STATE_LABEL: Record<CallState | 'idle', string> = {
  idle: 'Idle',
  [C.Dialing]: 'Dialing',
  [C.Ringing]: 'Ringing',
  [C.Incoming]: 'Incoming call',
  [C.Connected]: 'Connected',
  [C.OnHold]: 'On hold',
  [C.Ended]: 'Ended',
  [C.Failed]: 'Failed',
};

export function isTerminal(state: CallState): boolean {
  return state === C.Ended || state === C.Failed;
}
