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
 * ```
 * Only `Waiting` has a retry timer, so there is never more than one reconnect loop.
 */
export enum RegistrationState {
  Unconfigured = 'unconfigured',
  Disabled = 'disabled',
  Connecting = 'connecting',
  Registering = 'registering',
  Registered = 'registered',
  Waiting = 'waiting',
  Failed = 'failed',
}

/** The account field to check when registration does not work: the popup's fix-it link opens the options there. */
export type RegistrationFixField = 'server' | 'username' | 'password';

const R = RegistrationState;
const ANY = Object.values(R);

export const REGISTRATION_MOVES: Record<RegistrationState, readonly RegistrationState[]> = {
  [R.Unconfigured]: [R.Connecting, R.Disabled],
  [R.Disabled]: [R.Unconfigured, R.Connecting],
  [R.Connecting]: [R.Registering, R.Waiting, R.Failed, R.Unconfigured, R.Disabled],
  [R.Registering]: [R.Registered, R.Waiting, R.Failed, R.Connecting, R.Unconfigured, R.Disabled],
  [R.Registered]: [R.Registering, R.Waiting, R.Failed, R.Connecting, R.Unconfigured, R.Disabled],
  [R.Waiting]: [R.Connecting, R.Unconfigured, R.Disabled, R.Failed],
  [R.Failed]: ANY.filter((s) => s !== R.Failed && s !== R.Registered && s !== R.Registering),
};
