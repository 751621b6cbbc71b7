/**
 * Registration with the SIP server.
 *
 * ```
 *                 configure                 connected              200 OK
 *  Unconfigured ───────────▶ Connecting ───────────▶ Registering ─────────▶ Registered
 *       ▲                    │    ▲                  │    │                  │
 *       │                    │    │ retry timer      │    │ 401/403          │ transport lost,
 *       │     unconfigure    │    │                  │    ▼                  │ REGISTER timeout
 *       ├────────────────────┤  Waiting ◀────────────┘  Failed ◀─────────────┤
 *       │   (from any state) │    ▲  network error        (no retry: wrong   │
 *       │                    └────┘                        password / URL)   │
 *       │                                                                    ▼
 *       └── Disabled (register switched off) ◀──────────────────────── any state
 *
 *   any state ──sign out──▶ SignedOut ──sign in──▶ Connecting
 * ```
 * Only `Waiting` has a retry timer, so there is never more than one reconnect loop. `Waiting` without a timer:
 * the browser is offline, and its `online` event starts the next attempt. Reasons for `Waiting`: the connection
 * closed, a keep-alive went unanswered, a REGISTER timed out or was refused with 5xx (`Retry-After` obeyed).
 */
export enum RegistrationState {
  Unconfigured = 'unconfigured',
  Disabled = 'disabled',
  Connecting = 'connecting',
  Registering = 'registering',
  Registered = 'registered',
  Waiting = 'waiting',
  Failed = 'failed',
  /** The user signed out in the popup: unregistered, no retries, until they sign in again. */
  SignedOut = 'signed-out',
}

/** The account field to check when registration does not work: the popup's fix-it link opens the options there. */
export type RegistrationFixField = 'server' | 'username' | 'password';

const R = RegistrationState;
const ANY = Object.values(R);

export const REGISTRATION_MOVES: Record<RegistrationState, readonly RegistrationState[]> = {
  [R.Unconfigured]: [R.Connecting, R.Disabled, R.SignedOut],
  [R.Disabled]: [R.Unconfigured, R.Connecting, R.SignedOut],
  [R.Connecting]: [R.Registering, R.Waiting, R.Failed, R.Unconfigured, R.Disabled, R.SignedOut],
  [R.Registering]: [R.Registered, R.Waiting, R.Failed, R.Connecting, R.Unconfigured, R.Disabled, R.SignedOut],
  [R.Registered]: [R.Registering, R.Waiting, R.Failed, R.Connecting, R.Unconfigured, R.Disabled, R.SignedOut],
  [R.Waiting]: [R.Connecting, R.Registering, R.Unconfigured, R.Disabled, R.Failed, R.SignedOut],
  [R.Failed]: ANY.filter((s) => s !== R.Failed && s !== R.Registered && s !== R.Registering),
  [R.SignedOut]: [R.Connecting, R.Unconfigured],
};
