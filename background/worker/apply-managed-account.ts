import type { AccountView, EngineCommand } from '../../src/messaging/protocol';
import { effectiveAccount, type ManagedSettings } from '../../src/settings/managed';

/**
 * Brings the stored account in line with the administrator's server, domain and username (a policy can arrive or
 * change after the user saved their account). Does nothing when nothing is managed, when the account already
 * matches, or when there is no saved password. Saved with an empty password: the engine keeps the stored one only
 * when the server host, domain and user names stay the same (`bindPassword`); otherwise the user is asked for it.
 */
export async function applyManagedAccount(managed: ManagedSettings, engine: (command: EngineCommand) => Promise<unknown>): Promise<boolean> {
  if (managed.server === undefined && managed.domain === undefined && managed.username === undefined) return false;
  const view = (await engine({ command: 'get-account' })) as AccountView | undefined;
  if (!view || !('server' in view) || !view.hasPassword || (view.username === '' && managed.username === undefined)) return false;
  const { hasPassword: _, passwordCleared: _cleared, ...account } = view;
  const wanted = effectiveAccount(account, managed);
  if (wanted.server === account.server && wanted.domain === account.domain && wanted.username === account.username) return false;
  await engine({ command: 'save-account', account: { ...wanted, password: '' } });
  return true;
}
