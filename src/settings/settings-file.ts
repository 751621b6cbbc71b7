import { EMPTY_ACCOUNT, extensionModeOf, validateAccount, type Account, type IceServer } from './account';
import type { Settings } from './defaults';
import { isObject } from './is-object';
import { coerceSettings } from './validate-settings';
import { t } from '../i18n/t';

export const SETTINGS_FILE_FORMAT = 'dialable-settings';
export const SETTINGS_FILE_NAME = 'dialable-settings.json';

/** The exported account: secrets (the password, TURN credentials) only when the user asked for them. */
export type ExportedAccount = Omit<Account, 'password' | 'iceServers'> & { password?: string; iceServers: IceServer[] };

/** What an export file holds (JSON). */
export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: 1;
  exportedAt: string;
  settings: Settings;
  account?: ExportedAccount;
}

/**
 * Builds the export file's text. Without `includeSecrets` the password key is absent and TURN credentials are
 * dropped: a file someone mails to a colleague or attaches to a bug report gives no access to the account.
 */
export function buildSettingsFile(settings: Settings, account: Account | undefined, includeSecrets: boolean, now = new Date()): string {
  const file: SettingsFile = { format: SETTINGS_FILE_FORMAT, version: 1, exportedAt: now.toISOString(), settings };
  if (account && account.server !== '') {
    const { password, iceServers, ...rest } = account;
    file.account = includeSecrets
      ? { ...rest, password, iceServers }
      : { ...rest, iceServers: iceServers.map(({ urls, username }) => (username ? { urls, username } : { urls })) };
  }
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ReadResult = { settings: Settings; account?: Account } | { error: string };

/**
 * Reads an export file back. Settings go through the same coercion as storage (older versions migrate, bad fields
 * fall back to defaults); the account must be valid as a whole. A file without a password yields `password: ''`,
 * which saving treats as "keep the stored one".
 */
export function readSettingsFile(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: t('fileNotJson') };
  }
  if (!isObject(data) || data.format !== SETTINGS_FILE_FORMAT || !isObject(data.settings)) {
    return { error: t('fileNotSettings') };
  }
  const settings = coerceSettings(data.settings);
  if (data.account === undefined) return { settings };
  if (!isObject(data.account)) return { error: t('fileAccountDamaged') };
  const a = data.account;
  const text_ = (v: unknown) => (typeof v === 'string' ? v : '');
  const account: Account = {
    ...EMPTY_ACCOUNT,
    server: text_(a.server),
    username: text_(a.username),
    domain: text_(a.domain),
    authUsername: text_(a.authUsername),
    password: text_(a.password),
    displayName: text_(a.displayName),
    iceServers: Array.isArray(a.iceServers) ? a.iceServers.filter(isIceServer) : [],
    register: typeof a.register === 'boolean' ? a.register : EMPTY_ACCOUNT.register,
    // Absent in files from before they existed; present ones are checked below like the form checks them.
    backupServer: text_(a.backupServer),
    outboundProxy: text_(a.outboundProxy),
    ...(a.extensionMode === undefined ? {} : { extensionMode: extensionModeOf(a) }),
  };
  const errors = validateAccount(account);
  // A value that is not text is as unusable as a malformed one: it must not silently become "none".
  if (!isOptionalText(a.backupServer)) errors.backupServer ??= t('accountErrorBackupServer');
  if (!isOptionalText(a.outboundProxy)) errors.outboundProxy ??= t('accountErrorOutboundProxy');
  const problems = Object.values(errors);
  if (problems.length > 0) return { error: t('fileAccountUnusable', problems.join(' ')) };
  return { settings, account };
}

function isOptionalText(v: unknown): boolean {
  return v === undefined || typeof v === 'string';
}

function isIceServer(v: unknown): v is IceServer {
  return (
    isObject(v) &&
    typeof v.urls === 'string' &&
    (v.username === undefined || typeof v.username === 'string') &&
    (v.credential === undefined || typeof v.credential === 'string')
  );
}
