import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS } from '../../src/settings/defaults';
import { setSiteEnabled } from '../../src/settings/set-site-enabled';
import { isSiteEnabled } from '../../src/settings/site-enabled';
import { t } from '../../src/i18n';
import { effectiveSettings, isLocked } from '../../src/settings/managed';
import { currentSite } from './current-site';
import { SiteCountrySelect } from './site-country-select';
import { settingsStore, useManaged, useSettings } from '../shared/settings-store';

/** "Link phone numbers on <site>": the per-site switch for the current tab; the open tab follows at once. */
export function SiteSwitch() {
  const [host, setHost] = useState<string | undefined>();
  const detection = useSettings()?.detection;
  const managed = useManaged();

  useEffect(() => void currentSite().then(setHost), []);
  if (!host || !detection || !managed) return null;
  const effective = effectiveSettings({ ...DEFAULT_SETTINGS, detection }, managed).detection;
  // The administrator decides where numbers are linked: the switch would change nothing, so it is not offered.
  const locked = isLocked(managed, 'detectionEnabled') || isLocked(managed, 'disabledSites');
  if (locked) {
    return (
      <p class="note" data-testid="site-switch">
        {t('managedSiteSwitch')}
      </p>
    );
  }
  if (!effective.enabled) {
    return (
      <p class="note" data-testid="site-switch">
        {t('siteSwitchOff')}
      </p>
    );
  }

  const toggle = async (enabled: boolean) => {
    await settingsStore.update((current) => ({ detection: { disabledSites: setSiteEnabled(current.detection, host, enabled).disabledSites } }));
  };
  const linked = isSiteEnabled(effective, host);
  return (
    <>
      <label class="switch" data-testid="site-switch">
        <span>
          <input type="checkbox" data-testid="site-toggle" checked={linked} onChange={(e) => void toggle(e.currentTarget.checked)} />{' '}
          {t('siteSwitchLabel', host)}
        </span>
      </label>
      {/* A country the administrator set holds on every site (effectiveSettings), so there is nothing to choose. */}
      {linked && !isLocked(managed, 'defaultCountry') && <SiteCountrySelect host={host} detection={detection} />}
    </>
  );
}
