import { describe, expect, test } from 'vitest';
import { coerceSettings, DEFAULT_SETTINGS, isSiteEnabled, normalizeHost, validateSettings } from '../../../src/settings';
import { migrateSettings } from '../../../src/settings/migrations';
import { SETTINGS_VERSION } from '../../../src/settings/defaults';

describe('coerceSettings keeps what is valid and repairs the rest', () => {
  test.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['garbage', 'hello', DEFAULT_SETTINGS],
    ['an array', [1, 2], DEFAULT_SETTINGS],
    ['version 0 (no version field)', { detection: { enabled: false } }, { ...DEFAULT_SETTINGS, detection: { ...DEFAULT_SETTINGS.detection, enabled: false } }],
  ])('%s', (_name, stored, expected) => {
    expect(coerceSettings(stored)).toEqual(expected);
  });

  test('one bad field falls back to its default without losing the others', () => {
    const s = coerceSettings({
      version: 1,
      detection: { enabled: false, defaultCountry: 'Germany', disabledSites: ['Example.COM', 'https://mail.example.org/inbox', 42, '%%'], linkStyle: 'neon' },
    });
    expect(s.detection).toEqual({ enabled: false, defaultCountry: '', disabledSites: ['example.com', 'mail.example.org'], linkStyle: 'dotted', siteCountries: {} });
  });

  test('lower-case country codes are accepted', () => {
    expect(coerceSettings({ version: 1, detection: { defaultCountry: 'de' } }).detection.defaultCountry).toBe('DE');
  });

  test('unknown keys are dropped', () => {
    expect(coerceSettings({ version: 1, evil: true, detection: { x: 1 } })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings version 2: audio devices', () => {
  test('a version 1 object migrates to version 2 with default audio, keeping the rest', () => {
    const s = coerceSettings({ version: 1, detection: { defaultCountry: 'DE' }, calling: { dtmf: 'info' } });
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.audio).toEqual({ microphone: '', speaker: '', ringer: '', ringtone: true, volume: 1 });
    expect(s.detection.defaultCountry).toBe('DE');
    expect(s.calling.dtmf).toBe('info');
  });

  test('migrateSettings runs the steps 1 → 2 → 3 → 4 → 5 → 6 → 7', () => {
    expect(migrateSettings({ version: 1, detection: {} })).toEqual({
      version: 7,
      detection: { siteCountries: {} },
      audio: { microphone: '', speaker: '', ringer: '', ringtone: true, volume: 1 },
      calling: { confirmPageCalls: false, dnd: false, dndResponse: 486, autoAnswer: 0, intercom: false, ctiOrigins: [], screenPopUrl: '', screenPopWhen: 'ring', callLogUrl: '' },
    });
  });

  test('version 4 adds Do not disturb and auto-answer (all off), keeping the rest of calling', () => {
    expect(migrateSettings({ version: 3, calling: { dtmf: 'info', confirmPageCalls: true } })).toEqual({
      version: 7,
      detection: { siteCountries: {} },
      calling: { dtmf: 'info', confirmPageCalls: true, dnd: false, dndResponse: 486, autoAnswer: 0, intercom: false, ctiOrigins: [], screenPopUrl: '', screenPopWhen: 'ring', callLogUrl: '' },
    });
    const good = coerceSettings({ version: 4, calling: { dnd: true, dndResponse: 480, autoAnswer: 5, intercom: true } }).calling;
    expect(good).toMatchObject({ dnd: true, dndResponse: 480, autoAnswer: 5, intercom: true });
    const bad = coerceSettings({ version: 4, calling: { dnd: 'yes', dndResponse: 404, autoAnswer: 2.5, intercom: 1 } }).calling;
    expect(bad).toMatchObject({ dnd: false, dndResponse: 486, autoAnswer: 0, intercom: false });
    expect(coerceSettings({ version: 4, calling: { autoAnswer: 61 } }).calling.autoAnswer).toBe(0);
  });

  test('version 5 adds calling.ctiOrigins (none); stored origins are normalized, invalid ones dropped', () => {
    expect(migrateSettings({ version: 4, calling: { dnd: true } })).toEqual({ version: 7, calling: { dnd: true, ctiOrigins: [], screenPopUrl: '', screenPopWhen: 'ring', callLogUrl: '' }, detection: { siteCountries: {} } });
    expect(DEFAULT_SETTINGS.calling.ctiOrigins).toEqual([]);
    const stored = coerceSettings({ version: 5, calling: { ctiOrigins: ['https://CRM.example.com/', 'http://crm.example.com', 'http://127.0.0.1:8080', 7] } });
    expect(stored.calling.ctiOrigins).toEqual(['https://crm.example.com', 'http://127.0.0.1:8080']);
    expect(coerceSettings({ version: 5, calling: { ctiOrigins: 'https://crm.example.com' } }).calling.ctiOrigins).toEqual([]);
  });

  test('version 3 adds calling.confirmPageCalls (off), keeping the rest of calling', () => {
    expect(migrateSettings({ version: 2, calling: { dtmf: 'info' } })).toMatchObject({ version: 7, calling: { dtmf: 'info', confirmPageCalls: false } });
    expect(coerceSettings({ version: 3, calling: { confirmPageCalls: true } }).calling.confirmPageCalls).toBe(true);
    expect(coerceSettings({ version: 3, calling: { confirmPageCalls: 'yes' } }).calling.confirmPageCalls).toBe(false);
  });

  test('calling.extensionDelay: seconds from 0 to 30; anything else is the default 2 s', () => {
    expect(DEFAULT_SETTINGS.calling.extensionDelay).toBe(2);
    expect(coerceSettings({ version: 3, calling: {} }).calling.extensionDelay).toBe(2);
    for (const kept of [0, 0.5, 1.25, 3, 30]) expect(coerceSettings({ version: 3, calling: { extensionDelay: kept } }).calling.extensionDelay).toBe(kept);
    for (const bad of [-1, 31, Number.NaN, Number.POSITIVE_INFINITY, '2', null]) expect(coerceSettings({ version: 3, calling: { extensionDelay: bad } }).calling.extensionDelay).toBe(2);
    const edited = (extensionDelay: number) => validateSettings({ ...DEFAULT_SETTINGS, calling: { ...DEFAULT_SETTINGS.calling, extensionDelay } });
    expect(edited(4)).toEqual({});
    expect(edited(Number.NaN)['calling.extensionDelay']).toMatch(/0 to 30/);
    expect(edited(45)['calling.extensionDelay']).toMatch(/0 to 30/);
  });

  test('version 7 adds detection.siteCountries (none), keeping the rest of detection; bad entries are dropped one by one', () => {
    expect(migrateSettings({ version: 6, detection: { defaultCountry: 'DE' } })).toEqual({ version: 7, detection: { defaultCountry: 'DE', siteCountries: {} } });
    expect(DEFAULT_SETTINGS.detection.siteCountries).toEqual({});
    const stored = coerceSettings({ version: 7, detection: { siteCountries: { 'Shop.Example.DE': 'de', 'example.ch': 'CH', 'bad host!': 'DE', 'example.at': 'Austria', 'example.fr': 7 } } });
    expect(stored.detection.siteCountries).toEqual({ 'shop.example.de': 'DE', 'example.ch': 'CH' });
    expect(coerceSettings({ version: 7, detection: { siteCountries: ['DE'] } }).detection.siteCountries).toEqual({});
  });

  test('stored audio choices are kept', () => {
    const audio = { microphone: 'a1b2', speaker: 'default', ringer: 'c3d4', ringtone: false, volume: 0.4 };
    expect(coerceSettings({ version: 2, audio }).audio).toEqual(audio);
  });

  test.each([
    [{ volume: 3 }, 'volume', 1],
    [{ volume: 'loud' }, 'volume', 1],
    [{ microphone: 42 }, 'microphone', ''],
    [{ speaker: '<img src=x>' }, 'speaker', ''],
    [{ ringtone: 'yes' }, 'ringtone', true],
  ])('a bad %o falls back to the default %s', (audio, field, expected) => {
    expect(coerceSettings({ version: 2, audio }).audio[field as keyof typeof DEFAULT_SETTINGS.audio]).toBe(expected);
  });
});

describe('validateSettings explains problems in plain words', () => {
  test('valid settings have no errors', () => expect(validateSettings(DEFAULT_SETTINGS)).toEqual({}));
  test.each([
    [{ defaultCountry: 'XYZ' }, 'detection.defaultCountry'],
    [{ disabledSites: ['not a host'] }, 'detection.disabledSites'],
    [{ linkStyle: 'blink' }, 'detection.linkStyle'],
  ])('%o → error on %s', (patch, field) => {
    const errors = validateSettings({ ...DEFAULT_SETTINGS, detection: { ...DEFAULT_SETTINGS.detection, ...patch } as typeof DEFAULT_SETTINGS.detection });
    expect(errors[field]).toMatch(/\w+ \w+/);
  });
});

describe('per-site switch', () => {
  const d = { ...DEFAULT_SETTINGS.detection, disabledSites: ['example.com'] };
  test.each([
    ['example.com', false],
    ['mail.example.com', false],
    ['notexample.com', true],
    ['EXAMPLE.com', false],
    ['other.org', true],
  ])('%s → enabled %s', (host, enabled) => expect(isSiteEnabled(d, host)).toBe(enabled));
  test('the master switch wins', () => expect(isSiteEnabled({ ...d, enabled: false }, 'other.org')).toBe(false));
  test.each([
    ['  Example.com ', 'example.com'],
    ['https://a.b.example.com:8443/path?q', 'a.b.example.com:8443'],
    ['two words', ''],
  ])('normalizeHost(%j) = %j', (input, out) => expect(normalizeHost(input)).toBe(out));
});
