import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { listCountries } from '../src/phone/list-countries';
import { regionFromLocale } from '../src/phone/region-from-locale';
import { AccountForm } from './account-form';
import { AudioDevices } from './audio-devices';
import { CallingFields } from './calling-form';
import { SettingsTransfer } from './settings-transfer';
import { coerceSettings, normalizeHost, SETTINGS_KEY, validateSettings, type Settings, type SettingsErrors } from '../src/settings';

/** The options page: the SIP account form, then detection and dialing preferences. */
export function Options() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [sites, setSites] = useState('');
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [status, setStatus] = useState('');
  const countries = useMemo(() => listCountries(navigator.language), []);
  const auto = regionFromLocale(navigator.language);

  const [generation, setGeneration] = useState(0);
  // Bumped whenever settings are (re)loaded from storage: forms with their own text state start over from them.
  const [loaded, setLoaded] = useState(0);

  useEffect(() => {
    void browser.storage.local.get(SETTINGS_KEY).then((stored) => {
      const s = coerceSettings(stored[SETTINGS_KEY]);
      setSettings(s);
      setSites(s.detection.disabledSites.join('\n'));
      setLoaded((n) => n + 1);
    });
  }, [generation]);
  if (!settings) return <main aria-busy="true" />;

  const d = settings.detection;
  const update = (patch: Partial<Settings['detection']>) => setSettings({ ...settings, detection: { ...d, ...patch } });

  const save = async (event: Event) => {
    event.preventDefault();
    const lines = sites.split(/\s+/).filter(Boolean);
    const bad = lines.find((line) => normalizeHost(line) === '');
    const next = { ...settings, detection: { ...d, disabledSites: lines.map(normalizeHost) } };
    const found = validateSettings(next);
    if (bad !== undefined) found['detection.disabledSites'] = `"${bad}" is not a site name such as example.com.`;
    setErrors(found);
    if (Object.keys(found).length > 0) return setStatus('');
    // Audio devices save themselves (AudioDevices): keep what is stored for them.
    const stored = coerceSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
    await browser.storage.local.set({ [SETTINGS_KEY]: coerceSettings({ ...next, audio: stored.audio }) });
    setStatus('Saved. Open tabs use the new settings right away.');
  };

  return (
    <main>
      <h1>Dialable settings</h1>
      <AccountForm key={generation} />
      <form id="preferences" onSubmit={(e) => void save(e)}>
        <fieldset>
          <legend>Phone numbers on web pages</legend>
          <label>
            <span>
              <input type="checkbox" name="detectionEnabled" checked={d.enabled} onChange={(e) => update({ enabled: e.currentTarget.checked })} />{' '}
              Turn phone numbers into call links
            </span>
          </label>
          <label>
            Default country (for numbers written without +country code)
            <select name="defaultCountry" value={d.defaultCountry} onChange={(e) => update({ defaultCountry: e.currentTarget.value })}>
              <option value="">Automatic{auto ? ` (${auto})` : ''}</option>
              {countries.map((c) => (
                <option value={c.code} key={c.code}>
                  {c.name} (+{c.callingCode})
                </option>
              ))}
            </select>
          </label>
          <label>
            Link style
            <select name="linkStyle" value={d.linkStyle} onChange={(e) => update({ linkStyle: e.currentTarget.value as Settings['detection']['linkStyle'] })}>
              <option value="dotted">Dotted underline</option>
              <option value="none">No decoration (looks like the page's text)</option>
            </select>
          </label>
          <label>
            Sites where Dialable leaves numbers alone (one per line)
            <textarea name="disabledSites" rows={4} value={sites} onInput={(e) => setSites(e.currentTarget.value)} />
          </label>
          {errors['detection.disabledSites'] && <p class="error">{errors['detection.disabledSites']}</p>}
          {errors['detection.defaultCountry'] && <p class="error">{errors['detection.defaultCountry']}</p>}
        </fieldset>
        <CallingFields key={loaded} settings={settings} onChange={setSettings} country={d.defaultCountry || auto} />
        <p>
          <button type="submit">Save preferences</button>
        </p>
        <p class="saved" role="status">
          {status}
        </p>
      </form>
      <AudioDevices key={generation} />
      {/* After an import, the forms above reload what was imported. */}
      <SettingsTransfer onImported={() => setGeneration((n) => n + 1)} />
    </main>
  );
}
