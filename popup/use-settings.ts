import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../src/settings/defaults';
import { loadSettings, watchSettings } from './settings-storage';

/** The stored settings, kept current when another page (or this one) changes them; undefined until loaded. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings | undefined>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  return settings;
}
