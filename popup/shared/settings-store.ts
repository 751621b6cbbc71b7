import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../src/settings/defaults';
import type { ManagedProblems, ManagedSettings } from '../../src/settings/managed';
import { privateArea } from '../../src/settings/private-area';
import { createSettingsStore } from '../../src/settings/settings-store';

/**
 * Our pages' (popup, options, welcome) view of the one settings store. Only these pages write calling and audio
 * settings: they live where content scripts cannot reach.
 */
export const settingsStore = createSettingsStore({ storage: chrome.storage, private: privateArea() });
// Reachable from the e2e tests (and DevTools) through any of our pages; web pages and content scripts cannot reach it.
Object.assign(globalThis, { dialableSettings: settingsStore });

/** A value read from the store, read again whenever settings or policy change anywhere; undefined until read. */
function useStored<T>(read: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>();
  useEffect(() => {
    const reload = () => void read().then(setValue);
    reload();
    return settingsStore.watch(reload);
  }, []);
  return value;
}

/** The user's own settings, kept current when another page (or this one) changes them. */
export function useSettings(): Settings | undefined {
  return useStored(() => settingsStore.load());
}

/**
 * The administrator's values, kept current: policy arrives a moment after the browser starts and can change while a
 * page is open.
 */
export function useManaged(): ManagedSettings | undefined {
  return useStored(() => settingsStore.managed());
}

/** Policy values Dialable ignored as invalid, and why. */
export function useManagedProblems(): ManagedProblems {
  return useStored(() => settingsStore.managedProblems()) ?? {};
}
