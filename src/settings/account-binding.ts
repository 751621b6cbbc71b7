import { effectiveDomain, type Account, type IceServer } from './account';

/** What a password was entered for: it may be sent to this server, for this account, and nowhere else. */
export interface AccountBinding {
  /** host[:port] of the WebSocket server */
  host: string;
  domain: string;
  username: string;
  authUsername: string;
}

type BindingFields = Pick<Account, 'server' | 'domain' | 'username' | 'authUsername'>;

export function accountBinding(account: BindingFields): AccountBinding {
  let host: string;
  try {
    host = new URL(account.server.trim()).host.toLowerCase();
  } catch {
    host = '';
  }
  const username = account.username.trim();
  return {
    host,
    domain: effectiveDomain({ ...account, domain: account.domain.trim().toLowerCase() } as Account).toLowerCase(),
    username,
    authUsername: account.authUsername.trim() || username,
  };
}

/** Whether two accounts are the same as far as where their password may go. */
export function sameBinding(a: BindingFields, b: BindingFields): boolean {
  const x = accountBinding(a);
  const y = accountBinding(b);
  return x.host === y.host && x.domain === y.domain && x.username === y.username && x.authUsername === y.authUsername;
}

/**
 * The account to store when `input` is saved over `stored` (from the form, an imported file or a policy). An empty
 * password keeps the stored one only for the same binding; for another server, domain or user name the stored
 * password (and the TURN credentials that came with it) is dropped, so it is never sent where the user did not
 * enter it. `cleared` says a stored password was dropped (the options page asks for it again and says why).
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
