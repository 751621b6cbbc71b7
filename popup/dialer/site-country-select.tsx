import { useMemo } from 'preact/hooks';
import { t } from '../../src/i18n';
import { currentLanguage } from '../../src/i18n/t';
import { listCountries } from '../../src/phone/list-countries';
import type { DetectionSettings } from '../../src/settings/defaults';
import { setSiteCountry } from '../../src/settings/site-country';
import { settingsStore } from '../shared/settings-store';

/**
 * The country national numbers are read for on this site (`select[name=siteCountry]`), next to the site switch: for
 * a site whose numbers Dialable reads for the wrong country, or does not link because its signals disagree. '' is
 * "Automatic": the default country, or the page's own signals when that is automatic too.
 */
export function SiteCountrySelect({ host, detection }: { host: string; detection: DetectionSettings }) {
  const countries = useMemo(() => listCountries(currentLanguage()), []);
  const value = detection.siteCountries[host] ?? '';
  const fallback = countries.find((c) => c.code === detection.defaultCountry);
  const choose = async (country: string) => {
    await settingsStore.update((current) => ({ detection: { siteCountries: setSiteCountry(current.detection, host, country).siteCountries } }));
  };
  return (
    <label class="site-country" data-testid="site-country">
      {t('siteCountryLabel')}{' '}
      <select name="siteCountry" value={value} onChange={(e) => void choose(e.currentTarget.value)}>
        <option value="">{fallback ? t('siteCountryDefault', fallback.name) : t('siteCountryAutomatic')}</option>
        {countries.map((c) => (
          <option value={c.code} key={c.code}>
            {t('detectionCountryOption', c.name, c.callingCode)}
          </option>
        ))}
      </select>
    </label>
  );
}
