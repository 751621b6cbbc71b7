import { useEffect, useState } from 'preact/hooks';
import { coerceSettings, SETTINGS_KEY, type Settings } from '../src/settings';
import type { ManagedSettings } from '../src/settings/managed';
import { MANAGED_AREA, readManaged } from '../src/settings/read-managed';

/** The settings as stored (always complete and valid). */
export async function loadSettings(): Promise<Settings> {
  const stored = await chrome.storage.local.get(SETTINGS_KEY);
  return coerceSettings(stored[SETTINGS_KEY]);
}

/** Writes the settings (coerced first, so storage never holds an invalid object); open tabs apply them at once. */
export async function saveSettings(settings: Settings): Promise<void> {
  await chrome.storage.local.set({ [SETTINGS_KEY]: coerceSettings(settings) });
}

/** Calls `onChange` whenever the settings change (from any page); returns the unsubscribe function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'local' && change) onChange(coerceSettings(change.newValue));
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}

/** The administrator's values from browser policy; `{}` when nothing is managed (or the browser throws). */
export function loadManaged(): Promise<ManagedSettings> {
  return readManaged(chrome.storage.managed);
}

/**
 * The administrator's values, kept current: policy arrives a moment after the browser starts and can change while a
 * page is open. `undefined` until the first read.
 */
export function useManaged(): ManagedSettings | undefined {
  const [managed, setManaged] = useState<ManagedSettings | undefined>();
  useEffect(() => {
    const reload = () => void loadManaged().then(setManaged);
    reload();
    const listener = (_changes: unknown, area: string) => {
      if (area === MANAGED_AREA) reload();
    };
    chrome.storage.onChanged.addListener(listener);
    return () => chrome.storage.onChanged.removeListener(listener);
  }, []);
  return managed;
}
