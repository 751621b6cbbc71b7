import browser from 'webextension-polyfill';
import { coerceSettings, SETTINGS_KEY, type Settings } from '../src/settings';
import { effectiveSettings, type ManagedSettings } from '../src/settings/managed';
import { readManaged } from '../src/settings/read-managed';

/** The administrator's values from browser policy (`{}` when none, or when the browser has no managed storage). */
export function loadManaged(): Promise<ManagedSettings> {
  return readManaged(browser.storage.managed as never);
}

/** The settings in effect: `storage.local` (always complete and valid, whatever is stored) under the managed values. */
export async function loadSettings(): Promise<Settings> {
  const [stored, managed] = await Promise.all([browser.storage.local.get(SETTINGS_KEY), loadManaged()]);
  return effectiveSettings(coerceSettings(stored[SETTINGS_KEY]), managed);
}
