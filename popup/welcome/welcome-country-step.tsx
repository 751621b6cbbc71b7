import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { effectiveSettings, isLocked } from '../../src/settings/managed';
import { CountrySelect } from '../shared/country-select';
import { LockedNote } from '../shared/locked-note';
import { settingsStore, useManaged, useSettings } from '../shared/settings-store';
import { StepState } from './step-state';

/** Welcome step 4: the default country, saved at once into the same settings the options page edits. */
export function WelcomeCountryStep({ onDone }: { onDone?: (done: boolean) => void }) {
  const settings = useSettings();
  const [chosen, setChosen] = useState(false);
  const managed = useManaged();
  const locked = managed !== undefined && isLocked(managed, 'defaultCountry');
  const country = settings && managed ? effectiveSettings(settings, managed).detection.defaultCountry : '';
  const done = chosen || country !== '' || locked;
  useEffect(() => onDone?.(done), [done]);
  if (!settings || !managed) return null;

  const choose = async (code: string) => {
    await settingsStore.update({ detection: { defaultCountry: code } });
    setChosen(true);
  };
  const name = country === '' ? '' : (new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' }).of(country) ?? country);

  return (
    <section aria-labelledby="country-title">
      <h2 id="country-title">{t('welcomeCountryTitle')}</h2>
      <StepState id="country" done={done} />
      <p>{t('welcomeCountryIntro')}</p>
      <label>
        {t('welcomeCountryLabel')}
        <CountrySelect value={country} onChange={(code) => void choose(code)} disabled={locked} describedBy={locked ? 'defaultCountry-locked' : undefined} />
        {locked && <LockedNote field="defaultCountry" />}
      </label>
      {chosen && (
        <p class="saved" role="status" data-testid="country-saved">
          {t('welcomeCountrySaved', name || t('welcomeCountryAutomatic'))}
        </p>
      )}
    </section>
  );
}
