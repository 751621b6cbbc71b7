import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { effectiveSettings, isLocked } from '../src/settings/managed';
import type { Settings } from '../src/settings/defaults';
import { CountrySelect } from './country-select';
import { LockedNote } from './locked-note';
import { loadSettings, saveSettings, useManaged } from './settings-storage';
import { StepState } from './step-state';

/** Welcome step 4: the default country, saved at once into the same settings the options page edits. */
export function WelcomeCountryStep({ onDone }: { onDone?: (done: boolean) => void }) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [chosen, setChosen] = useState(false);
  const managed = useManaged();
  useEffect(() => void loadSettings().then(setSettings), []);
  const locked = managed !== undefined && isLocked(managed, 'defaultCountry');
  const country = settings && managed ? effectiveSettings(settings, managed).detection.defaultCountry : '';
  const done = chosen || country !== '' || locked;
  useEffect(() => onDone?.(done), [done]);
  if (!settings || !managed) return null;

  const choose = async (code: string) => {
    const current = await loadSettings();
    const next = { ...current, detection: { ...current.detection, defaultCountry: code } };
    await saveSettings(next);
    setSettings(next);
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
