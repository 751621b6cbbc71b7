import { useEffect, useRef, useState } from 'preact/hooks';
import { regionFromLocale } from '../../src/phone/region-from-locale';
import { effectiveSettings, isLocked, type ManagedField } from '../../src/settings/managed';
import { AccountForm } from '../shared/account-form';
import { AudioDevices } from './audio-devices';
import { CallingFields } from './calling-form';
import { ConfirmCallsSwitch } from './confirm-calls-switch';
import { CtiOriginsForm } from './cti-origins-form';
import { CrmForm } from './crm-form';
import { CountrySelect } from '../shared/country-select';
import { LockedNote } from '../shared/locked-note';
import { ManagedProblemsNote } from '../shared/managed-problems-note';
import { settingsStore, useManaged } from '../shared/settings-store';
import { SettingsTransfer } from './settings-transfer';
import { normalizeHost, validateSettings, type Settings, type SettingsErrors } from '../../src/settings';
import { diffSettings, rebaseEdits } from '../../src/settings/settings-patch';
import { t } from '../../src/i18n/t';

/** The options page: the SIP account form, then detection and dialing preferences. */
export function Options() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [sites, setSites] = useState('');
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [status, setStatus] = useState('');
  const managed = useManaged() ?? {};
  const auto = regionFromLocale(navigator.language);

  const [generation, setGeneration] = useState(0);
  // Bumped whenever settings are (re)loaded from storage: forms with their own text state start over from them.
  const [loaded, setLoaded] = useState(0);

  // What the form was last filled from: saving writes only the fields edited since (a change another page made
  // meanwhile, e.g. the popup's per-site switch, survives), and such a change shows up in the untouched fields.
  const base = useRef<Settings | undefined>();
  const form = useRef({ settings, sites });
  form.current = { settings, sites };

  useEffect(() => {
    void settingsStore.load().then((s) => {
      base.current = s;
      setSettings(s);
      setSites(s.detection.disabledSites.join('\n'));
      setLoaded((n) => n + 1);
    });
    return settingsStore.watch(() => {
      void settingsStore.load().then((incoming) => {
        const { settings: edited, sites: text } = form.current;
        const before = base.current;
        if (!edited || !before) return;
        setSettings(rebaseEdits(before, edited, incoming));
        if (text === before.detection.disabledSites.join('\n')) setSites(incoming.detection.disabledSites.join('\n'));
        base.current = incoming;
      });
    });
  }, [generation]);
  if (!settings) return <main aria-busy="true" />;

  const d = settings.detection;
  // Shown: the administrator's values where set (those controls are locked); saved: the user's own values.
  const shown = effectiveSettings(settings, managed).detection;
  const lock = (field: ManagedField) => ({ disabled: isLocked(managed, field), 'aria-describedby': isLocked(managed, field) ? `${field}-locked` : undefined });
  const note = (field: ManagedField) => isLocked(managed, field) && <LockedNote field={field} />;
  const update = (patch: Partial<Settings['detection']>) => setSettings({ ...settings, detection: { ...d, ...patch } });

  const save = async (event: Event) => {
    event.preventDefault();
    const lines = sites.split(/\s+/).filter(Boolean);
    const bad = lines.find((line) => normalizeHost(line) === '');
    const sitesEdited = sites !== base.current?.detection.disabledSites.join('\n');
    const next = { ...settings, detection: { ...d, disabledSites: sitesEdited ? lines.map(normalizeHost) : d.disabledSites } };
    const found = validateSettings(next);
    if (bad !== undefined) found['detection.disabledSites'] = t('detectionBadSite', bad);
    setErrors(found);
    if (Object.keys(found).length > 0) return setStatus('');
    // Only what was edited here (audio devices save themselves, in AudioDevices).
    const saved = await settingsStore.update(diffSettings(base.current ?? next, next));
    base.current = saved;
    setSettings(saved);
    setSites(saved.detection.disabledSites.join('\n'));
    setStatus(t('preferencesSaved'));
  };

  return (
    <main>
      <h1>{t('optionsHeading')}</h1>
      <ManagedProblemsNote />
      <AccountForm key={generation} />
      <form id="preferences" onSubmit={(e) => void save(e)}>
        <fieldset>
          <legend>{t('detectionLegend')}</legend>
          <label>
            <span>
              <input type="checkbox" name="detectionEnabled" checked={shown.enabled} {...lock('detectionEnabled')} onChange={(e) => update({ enabled: e.currentTarget.checked })} />{' '}
              {t('detectionEnabled')}
            </span>
            {note('detectionEnabled')}
          </label>
          <label>
            {t('detectionCountry')}
            <CountrySelect value={shown.defaultCountry} onChange={(defaultCountry) => update({ defaultCountry })} disabled={isLocked(managed, 'defaultCountry')} describedBy={lock('defaultCountry')['aria-describedby']} />
            {note('defaultCountry')}
          </label>
          <label>
            {t('detectionLinkStyle')}
            <select name="linkStyle" value={shown.linkStyle} {...lock('linkStyle')} onChange={(e) => update({ linkStyle: e.currentTarget.value as Settings['detection']['linkStyle'] })}>
              <option value="dotted">{t('detectionLinkDotted')}</option>
              <option value="none">{t('detectionLinkNone')}</option>
            </select>
            {note('linkStyle')}
          </label>
          <label>
            {t('detectionSites')}
            <textarea name="disabledSites" rows={4} value={isLocked(managed, 'disabledSites') ? shown.disabledSites.join('\n') : sites} {...lock('disabledSites')} onInput={(e) => setSites(e.currentTarget.value)} />
            {note('disabledSites')}
          </label>
          {errors['detection.disabledSites'] && <p class="error">{errors['detection.disabledSites']}</p>}
          {errors['detection.defaultCountry'] && <p class="error">{errors['detection.defaultCountry']}</p>}
        </fieldset>
        <CallingFields key={loaded} settings={settings} onChange={setSettings} country={shown.defaultCountry || auto} />
        {errors['calling.extensionDelay'] && <p class="error" data-testid="error-extensionDelay">{errors['calling.extensionDelay']}</p>}
        <p>
          <button type="submit">{t('preferencesSave')}</button>
        </p>
        <p class="saved" role="status" data-testid="preferences-status">
          {status}
        </p>
      </form>
      <ConfirmCallsSwitch />
      <CtiOriginsForm />
      <CrmForm />
      <AudioDevices key={generation} />
      {/* After an import, the forms above reload what was imported. */}
      <SettingsTransfer onImported={() => setGeneration((n) => n + 1)} />
    </main>
  );
}
