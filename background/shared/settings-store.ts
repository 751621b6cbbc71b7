import type { Settings } from '../../src/settings';
import type { ManagedSettings } from '../../src/settings/managed';
import { privateArea } from '../../src/settings/private-area';
import type { ExtensionStorage } from '../../src/settings/settings-areas';
import { createSettingsStore } from '../../src/settings/settings-store';

/** The background's (service worker, event page, offscreen document, phone window) view of the one settings store. */
export const settingsStore = createSettingsStore({ storage: chrome.storage as unknown as ExtensionStorage, private: privateArea() });

/** The administrator's values from browser policy (`{}` when none, or when the browser has no managed storage). */
export function loadManaged(): Promise<ManagedSettings> {
  return settingsStore.managed();
}

/** The settings in effect: the user's own (always complete and valid, whatever is stored) under the managed values. */
export function loadSettings(): Promise<Settings> {
  return settingsStore.effective();
}
