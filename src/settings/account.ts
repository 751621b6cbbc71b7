/**
 * The SIP account. It is a credential as a whole and never goes to `storage.local` (which content scripts can read):
 * see `secret-store.ts`.
 */
export interface IceServer {
  urls: string;
  username?: string;
  credential?: string;
}

export interface Account {
  /** WebSocket URL of the SIP server: wss://…, or ws:// on localhost only. */
  server: string;
  username: string;
  /** SIP domain; '' means the server's host. */
  domain: string;
  /** Authorization user when it differs from `username`. */
  authUsername: string;
  password: string;
  displayName: string;
  /** STUN/TURN servers; empty by default (no hidden public STUN). */
  iceServers: IceServer[];
  /** Register to receive calls (off = outgoing only). */
  register: boolean;
}

export const EMPTY_ACCOUNT: Account = {
  server: '',
  username: '',
  domain: '',
  authUsername: '',
  password: '',
  displayName: '',
  iceServers: [],
  register: true,
};

export type AccountErrors = Partial<Record<keyof Account, string>>;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const USER = /^[A-Za-z0-9_.!~*'()&=+$,;?/%-]+$/;
const DOMAIN = /^[A-Za-z0-9.-]+$/;

/** Whether an account has enough in it to try registering. */
export function isConfigured(account: Account): boolean {
  return account.server !== '' && account.username !== '';
}

/** The SIP domain actually used: the configured one or the server's host name. */
export function effectiveDomain(account: Account): string {
  if (account.domain) return account.domain;
  try {
    return new URL(account.server).hostname;
  } catch {
    return '';
  }
}

/** Checks an account the user typed; errors are sentences shown beside each field. */
export function validateAccount(account: Account): AccountErrors {
  const errors: AccountErrors = {};
  let url: URL | undefined;
  try {
    url = new URL(account.server.trim());
  } catch {
    url = undefined;
  }
  if (!url) errors.server = 'Enter the WebSocket address of your SIP server, for example wss://sip.example.com:8089/ws.';
  else if (url.protocol === 'ws:' && !LOCAL_HOSTS.has(url.hostname)) {
    errors.server = 'Use wss:// (encrypted). Plain ws:// is only allowed for a server on this computer (localhost).';
  } else if (url.protocol !== 'wss:' && url.protocol !== 'ws:') {
    errors.server = 'The address must start with wss:// — SIP in the browser runs over secure WebSocket.';
  }
  if (!account.username.trim()) errors.username = 'Enter your SIP username (often your extension number).';
  else if (!USER.test(account.username.trim())) errors.username = 'The username contains characters SIP does not allow (spaces, @ or quotes).';
  if (account.domain.trim() && !DOMAIN.test(account.domain.trim())) errors.domain = 'Enter a domain name such as example.com, without sip: or @.';
  if (account.authUsername.trim() && !USER.test(account.authUsername.trim())) errors.authUsername = 'The authorization username contains characters SIP does not allow.';
  if (/[\r\n]/.test(account.displayName)) errors.displayName = 'The display name must be on one line.';
  if (account.iceServers.some((s) => !/^(stun|stuns|turn|turns):/.test(s.urls))) {
    errors.iceServers = 'ICE servers start with stun:, stuns:, turn: or turns:.';
  }
  return errors;
}

/** Trims what the user typed. */
export function cleanAccount(account: Account): Account {
  return {
    ...account,
    server: account.server.trim(),
    username: account.username.trim(),
    domain: account.domain.trim().toLowerCase(),
    authUsername: account.authUsername.trim(),
    displayName: account.displayName.trim(),
  };
}
