import { effectiveDomain, optional, type Account, type IceServer } from './account';

/**
 * What a password was entered for: it may be sent to these servers (through this proxy), for this account, and
 * nowhere else. The backup server and the outbound proxy belong to it because the password's digest goes to the
 * backup server, and through the proxy, only since the user entered them together with it.
 */
export interface AccountBinding {
  /** host[:port] of the WebSocket server */
  host: string;
  /** host[:port] of the backup WebSocket server, '' for none */
  backupHost: string;
  /** the outbound proxy's SIP URI, lower-cased, '' for none: any change of the route is another path for the digest */
  outboundProxy: string;
  domain: string;
  username: string;
  authUsername: string;
}

/** `backupServer` and `outboundProxy` may be missing from an account stored before they existed: that means none. */
type BindingFields = Pick<Account, 'server' | 'domain' | 'username' | 'authUsername'> & Partial<Pick<Account, 'backupServer' | 'outboundProxy'>>;

function hostOf(server: string): string {
  try {
    return new URL(server.trim()).host.toLowerCase();
  } catch {
    return '';
  }
}

export function accountBinding(account: BindingFields): AccountBinding {
  const username = account.username.trim();
  const backup = optional(account.backupServer);
  return {
    host: hostOf(account.server),
    // A backup server that is set but unreadable still differs from none (an empty host would equal "no backup").
    backupHost: backup === '' ? '' : hostOf(backup) || backup.toLowerCase(),
    outboundProxy: optional(account.outboundProxy).toLowerCase(),
    domain: effectiveDomain({ ...account, domain: account.domain.trim().toLowerCase() } as Account).toLowerCase(),
    username,
    authUsername: account.authUsername.trim() || username,
  };
}

/** Whether two accounts are the same as far as where their password may go. */
export function sameBinding(a: BindingFields, b: BindingFields): boolean {
  const x = accountBinding(a);
  const y = accountBinding(b);
  return (Object.keys(x) as Array<keyof AccountBinding>).every((key) => x[key] === y[key]);
}

/**
 * The account to store when `input` is saved over `stored` (from the form, an imported file or a policy). An empty
 * password keeps the stored one only for the same binding; for another server, backup server, outbound proxy, domain
 * or user name the stored password (and the TURN credentials that came with it) is dropped, so it is never sent where
 * the user did not enter it. `cleared` says a stored password was dropped (the options page asks for it again and says why).
 */
export function bindPassword(stored: Account | undefined, input: Account): { account: Account; cleared: boolean } {
  if (input.password !== '') return { account: input, cleared: false };
  if (stored && sameBinding(stored, input)) return { account: { ...input, password: stored.password }, cleared: false };
  return {
    account: { ...input, password: '', iceServers: input.iceServers.map(withoutCredential) },
    cleared: stored !== undefined && stored.password !== '',
  };
}

function withoutCredential({ urls, username }: IceServer): IceServer {
  return username ? { urls, username } : { urls };
}
