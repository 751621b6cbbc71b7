import browser from 'webextension-polyfill';
import { coerceSettings, SETTINGS_KEY, type Settings } from '../src/settings';

/** Reads the settings from `storage.local` (always complete and valid, whatever is stored). */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return coerceSettings(stored[SETTINGS_KEY]);
}

/** Writes the settings after coercing them, so storage never holds an invalid object. */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: coerceSettings(settings) });
}
