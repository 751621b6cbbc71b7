import { useMemo } from 'preact/hooks';
import { listCountries } from '../../src/phone/list-countries';
import { regionFromLocale } from '../../src/phone/region-from-locale';
import { currentLanguage, t } from '../../src/i18n/t';

export interface CountrySelectProps {
  /** ISO 3166-1 alpha-2, or '' for automatic (the browser language's region). */
  value: string;
  onChange: (code: string) => void;
  disabled?: boolean;
  describedBy?: string;
}

/** The default-country picker (options page and welcome page): every region, named in the UI language. */
export function CountrySelect({ value, onChange, disabled, describedBy }: CountrySelectProps) {
  const countries = useMemo(() => listCountries(currentLanguage()), []);
  const auto = regionFromLocale(navigator.language);
  return (
    <select name="defaultCountry" value={value} disabled={disabled} aria-describedby={describedBy} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{auto ? t('detectionAutomaticWith', auto) : t('detectionAutomatic')}</option>
      {countries.map((c) => (
        <option value={c.code} key={c.code}>
          {t('detectionCountryOption', c.name, c.callingCode)}
        </option>
      ))}
    </select>
  );
}
