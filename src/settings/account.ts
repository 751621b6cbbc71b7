import { t } from '../i18n/t';
import { outboundProxyProblem } from './outbound-proxy-problem';
import { serverProblem } from './server-problem';

/**
 * The SIP account. It is a credential as a whole and never goes to `storage.local` (which content scripts can read):
 * see `secret-store.ts`.
 */
export interface IceServer {
  urls: string;
  username?: string;
  credential?: string;
}

/** How the account's PBX takes an extension: as DTMF once connected, or in the request URI as `number,ext` / `number*ext`. */
export const EXTENSION_MODES = ['dtmf', 'comma', 'star'] as const;
export type ExtensionMode = (typeof EXTENSION_MODES)[number];

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
  /** Optional second WebSocket URL (same rules as `server`): used after the first fails twice, left when it is back. */
  backupServer: string;
  /** Optional outbound proxy, a SIP URI sent as the Route header of every request (e.g. `sip:proxy.example.com;lr`). */
  outboundProxy: string;
  /** How the PBX takes a number's extension (x204); absent (accounts stored before it existed): as DTMF. */
  extensionMode?: ExtensionMode;
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
  backupServer: '',
  outboundProxy: '',
};

export type AccountErrors = Partial<Record<keyof Account, string>>;

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

const SERVER_ERRORS = { invalid: 'accountErrorServer', plainWs: 'accountErrorPlainWs', scheme: 'accountErrorScheme' } as const;
const BACKUP_ERRORS = { ...SERVER_ERRORS, invalid: 'accountErrorBackupServer' } as const;
const PROXY_ERRORS = { invalid: 'accountErrorOutboundProxy', scheme: 'accountErrorOutboundProxyScheme' } as const;

/** Checks an account the user typed; errors are sentences shown beside each field. */
export function validateAccount(account: Account): AccountErrors {
  const errors: AccountErrors = {};
  const server = serverProblem(account.server);
  if (server) errors.server = t(SERVER_ERRORS[server]);
  // Optional, but checked like the server: the password's digest goes to the backup server and through the proxy too.
  const backup = optional(account.backupServer);
  const backupProblem = backup === '' ? undefined : serverProblem(backup);
  if (backupProblem) errors.backupServer = t(BACKUP_ERRORS[backupProblem]);
  const proxyProblem = outboundProxyProblem(optional(account.outboundProxy));
  if (proxyProblem) errors.outboundProxy = t(PROXY_ERRORS[proxyProblem]);
  if (!account.username.trim()) errors.username = t('accountErrorUsername');
  else if (!USER.test(account.username.trim())) errors.username = t('accountErrorUsernameChars');
  if (account.domain.trim() && !DOMAIN.test(account.domain.trim())) errors.domain = t('accountErrorDomain');
  if (account.authUsername.trim() && !USER.test(account.authUsername.trim())) errors.authUsername = t('accountErrorAuthUsername');
  if (/[\r\n]/.test(account.displayName)) errors.displayName = t('accountErrorDisplayName');
  if (account.iceServers.some((s) => !/^(stun|stuns|turn|turns):/.test(s.urls))) {
    errors.iceServers = t('accountErrorIce');
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
    backupServer: optional(account.backupServer),
    outboundProxy: optional(account.outboundProxy),
    ...(account.extensionMode === undefined ? {} : { extensionMode: extensionModeOf(account) }),
  };
}

/** The account's extension mode; missing (an account from before it existed) or unknown reads as DTMF. */
export function extensionModeOf(account: { extensionMode?: unknown } | undefined): ExtensionMode {
  const mode = account?.extensionMode;
  return (EXTENSION_MODES as readonly unknown[]).includes(mode) ? (mode as ExtensionMode) : 'dtmf';
}

/**
 * A field added after accounts were first stored (`backupServer`, `outboundProxy`), trimmed: an account saved by an
 * older version, or sent without it, reads as '' (not set) instead of failing.
 */
export function optional(value: string | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}
