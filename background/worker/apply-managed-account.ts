import type { AccountView, EngineCommand } from '../../src/messaging/protocol';
import { EMPTY_ACCOUNT } from '../../src/settings/account';
import { effectiveAccount, type ManagedSettings } from '../../src/settings/managed';

/** The policy keys that change where the account connects and signs in. */
const ACCOUNT_KEYS = ['server', 'backupServer', 'outboundProxy', 'domain', 'username'] as const;

/**
 * Brings the stored account in line with the administrator's servers, outbound proxy, domain and username (a policy
 * can arrive or change after the user saved their account). Does nothing when nothing is managed, when the account
 * already matches, or when there is no saved password. Saved with an empty password: the engine keeps the stored one
 * only when the server hosts, proxy, domain and user names stay the same (`bindPassword`); otherwise the user is asked
 * for it.
 */
export async function applyManagedAccount(managed: ManagedSettings, engine: (command: EngineCommand) => Promise<unknown>): Promise<boolean> {
  if (ACCOUNT_KEYS.every((key) => managed[key] === undefined)) return false;
  const view = (await engine({ command: 'get-account' })) as AccountView | undefined;
  if (!view || !('server' in view) || !view.hasPassword || (view.username === '' && managed.username === undefined)) return false;
  const { hasPassword: _, passwordCleared: _cleared, ...stored } = view;
  // An account stored before the backup server and outbound proxy existed has neither: that means none.
  const account = { ...EMPTY_ACCOUNT, ...stored };
  const wanted = effectiveAccount(account, managed);
  if (ACCOUNT_KEYS.every((key) => wanted[key] === account[key])) return false;
  await engine({ command: 'save-account', account: { ...wanted, password: '' } });
  return true;
}
