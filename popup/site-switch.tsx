import { useEffect, useState } from 'preact/hooks';
import type { DetectionSettings } from '../src/settings/defaults';
import { setSiteEnabled } from '../src/settings/set-site-enabled';
import { isSiteEnabled } from '../src/settings/site-enabled';
import { currentSite } from './current-site';
import { loadSettings, saveSettings, watchSettings } from './settings-storage';
import { t } from '../src/i18n/t';

/** "Link phone numbers on <site>": the per-site switch for the current tab; the open tab follows at once. */
export function SiteSwitch() {
  const [host, setHost] = useState<string | undefined>();
  const [detection, setDetection] = useState<DetectionSettings | undefined>();

  useEffect(() => {
    void currentSite().then(setHost);
    void loadSettings().then((s) => setDetection(s.detection));
    return watchSettings((s) => setDetection(s.detection));
  }, []);
  if (!host || !detection) return null;
  if (!detection.enabled) {
    return (
      <p class="note" data-testid="site-switch">
        {t('siteSwitchOff')}
      </p>
    );
  }

  const toggle = async (enabled: boolean) => {
    const settings = await loadSettings();
    await saveSettings({ ...settings, detection: setSiteEnabled(settings.detection, host, enabled) });
  };
  return (
    <label class="switch" data-testid="site-switch">
      <span>
        <input type="checkbox" data-testid="site-toggle" checked={isSiteEnabled(detection, host)} onChange={(e) => void toggle(e.currentTarget.checked)} />{' '}
        {t('siteSwitchLabel', host)}
      </span>
    </label>
  );
}
