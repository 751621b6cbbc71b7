import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../../src/settings';
import type { ExtensionStorage, PrivateArea } from '../../../src/settings/settings-areas';
import { diffSettings, rebaseEdits } from '../../../src/settings/settings-patch';
import { createSettingsStore } from '../../../src/settings/settings-store';

type Listener = (changes: Record<string, unknown>, area: string) => void;

/** `chrome.storage` as the browser behaves: writes notify every listener (the writer's too), policy is read-only. */
function fakeStorage(local: Record<string, unknown> = {}, managed: Record<string, unknown> = {}) {
  const listeners = new Set<Listener>();
  const storage: ExtensionStorage = {
    local: {
      get: async (key) => (key in local ? { [key]: structuredClone(local[key]) } : {}),
      set: async (items) => {
        Object.assign(local, structuredClone(items));
        for (const l of listeners) l(items, 'local');
      },
    },
    managed: { get: async () => managed },
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
  return { storage, local, listeners };
}

/** The extension's private area (IndexedDB + BroadcastChannel in the browser), shared by every "context" in a test. */
function fakePrivate() {
  const box: { value: unknown } = { value: undefined };
  const watchers = new Set<() => void>();
  const area: PrivateArea = {
    get: async () => structuredClone(box.value),
    set: async (value) => {
      box.value = structuredClone(value);
      for (const w of watchers) w();
    },
    watch: (w) => {
      watchers.add(w);
      return () => watchers.delete(w);
    },
  };
  return { area, box };
}

const HOSTILE_RULES = { plus: 'strip', idd: '00', outsidePrefix: '0900', rewrites: [{ match: '44', replace: '0900' }] };

describe('the settings store keeps in storage.local only what content scripts need', () => {
  test('an update of calling and audio writes them to the private area, and storage.local holds detection only', async () => {
    const { storage, local } = fakeStorage();
    const priv = fakePrivate();
    const store = createSettingsStore({ storage, private: priv.area });
    await store.update({ detection: { defaultCountry: 'DE' }, calling: { dtmf: 'info', confirmPageCalls: true }, audio: { volume: 0.5 } });
    expect(local.settings).toEqual({ version: SETTINGS_VERSION, detection: { ...DEFAULT_SETTINGS.detection, defaultCountry: 'DE' } });
    expect(priv.box.value).toMatchObject({ version: SETTINGS_VERSION, calling: { dtmf: 'info', confirmPageCalls: true }, audio: { volume: 0.5 } });
    const loaded = await store.load();
    expect(loaded.calling.dtmf).toBe('info');
    expect(loaded.audio.volume).toBe(0.5);
    expect(loaded.detection.defaultCountry).toBe('DE');
  });

  test('the CTI hint: storage.local learns only whether the user listed any origin (or a policy did), never which', async () => {
    const { storage, local } = fakeStorage();
    const store = createSettingsStore({ storage, private: fakePrivate().area });
    expect(await store.ctiHint()).toBe(false);
    await store.update({ calling: { ctiOrigins: ['https://crm.example.com'] } });
    expect(local['cti-hint']).toBe(true);
    expect(JSON.stringify(local)).not.toContain('crm.example.com');
    expect(await createSettingsStore({ storage }).ctiHint()).toBe(true);
    await store.update({ calling: { ctiOrigins: [] } });
    expect(await createSettingsStore({ storage }).ctiHint()).toBe(false);
    const policy = fakeStorage({}, { ctiOrigins: ['https://crm.example.com'] });
    expect(await createSettingsStore({ storage: policy.storage }).ctiHint()).toBe(true);
  });

  test('an install from before version 3 moves calling and audio out of storage.local, once', async () => {
    const old = { version: 2, detection: { defaultCountry: 'GB' }, calling: { dtmf: 'info', dialRules: { plus: 'idd', idd: '00', outsidePrefix: '9', rewrites: [] } }, audio: { volume: 0.3 } };
    const { storage, local } = fakeStorage({ settings: old });
    const priv = fakePrivate();
    const store = createSettingsStore({ storage, private: priv.area });
    const s = await store.load();
    expect(s.calling.dialRules.outsidePrefix).toBe('9');
    expect(s.calling.confirmPageCalls).toBe(false);
    expect(s.audio.volume).toBe(0.3);
    expect(s.detection.defaultCountry).toBe('GB');
    expect(local.settings).toEqual({ version: SETTINGS_VERSION, detection: { ...DEFAULT_SETTINGS.detection, defaultCountry: 'GB' } });
    expect(priv.box.value).toMatchObject({ calling: { dtmf: 'info', dialRules: { outsidePrefix: '9' } }, audio: { volume: 0.3 } });
  });

  test('after the move, whatever a content script writes to storage.local cannot change calling settings', async () => {
    const { storage, local } = fakeStorage();
    const priv = fakePrivate();
    const store = createSettingsStore({ storage, private: priv.area });
    await store.update({ calling: { dtmf: 'info' } });
    // A content script (it can write storage.local) tries every shape: a current one, and an "old" one to migrate.
    for (const version of [3, 2, 1, undefined]) {
      local.settings = { version, detection: { defaultCountry: 'GB' }, calling: { dialRules: HOSTILE_RULES }, audio: { volume: 0 }, account: { server: 'wss://evil.example' } };
      const s = await store.load();
      expect(s.calling.dialRules).toEqual(DEFAULT_SETTINGS.calling.dialRules);
      expect(s.calling.dtmf).toBe('info');
      expect(s.audio.volume).toBe(1);
    }
  });

  test('a detection change rewrites storage.local without whatever else was planted there', async () => {
    const { storage, local } = fakeStorage({ settings: { version: 3, detection: {}, calling: { dialRules: HOSTILE_RULES }, account: { password: 'x' } } });
    const store = createSettingsStore({ storage, private: fakePrivate().area });
    await store.update({ detection: { linkStyle: 'none' } });
    expect(Object.keys(local.settings as object).sort()).toEqual(['detection', 'version']);
  });

  test('a context without the private area (content script) reads detection and defaults, and cannot write calling', async () => {
    const { storage } = fakeStorage({ settings: { version: 3, detection: { enabled: false }, calling: { dialRules: HOSTILE_RULES } } }, { linkStyle: 'none' });
    const store = createSettingsStore({ storage });
    const s = await store.effective();
    expect(s.detection).toMatchObject({ enabled: false, linkStyle: 'none' });
    expect(s.calling).toEqual(DEFAULT_SETTINGS.calling);
    await expect(store.update({ calling: { dtmf: 'info' } })).rejects.toThrow();
  });
});

describe('writes are patches: no lost update', () => {
  test('two pages with stale copies: each change survives', async () => {
    const { storage } = fakeStorage();
    const priv = fakePrivate();
    const options = createSettingsStore({ storage, private: priv.area });
    const popup = createSettingsStore({ storage, private: priv.area });
    const loadedByOptions = await options.load();
    // The popup's per-site switch, while the options page is open.
    await popup.update((current) => ({ detection: { disabledSites: [...current.detection.disabledSites, 'crm.example.com'] } }));
    // The user changes the link style on the options page (its copy predates the popup's change).
    const edited: Settings = { ...loadedByOptions, detection: { ...loadedByOptions.detection, linkStyle: 'none' } };
    await options.update(diffSettings(loadedByOptions, edited));
    const after = await options.load();
    expect(after.detection.disabledSites).toEqual(['crm.example.com']);
    expect(after.detection.linkStyle).toBe('none');
  });

  test('diffSettings names only the edited fields', () => {
    const base = DEFAULT_SETTINGS;
    const edited = { ...base, detection: { ...base.detection, linkStyle: 'none' as const }, calling: { ...base.calling, dialRules: { ...base.calling.dialRules, outsidePrefix: '9' } } };
    expect(diffSettings(base, edited)).toEqual({ detection: { linkStyle: 'none' }, calling: { dialRules: edited.calling.dialRules } });
    expect(diffSettings(base, base)).toEqual({});
  });

  test('rebaseEdits: untouched fields follow the new stored value, edited ones keep the edit', () => {
    const base = DEFAULT_SETTINGS;
    const edited = { ...base, detection: { ...base.detection, linkStyle: 'none' as const } };
    const incoming = { ...base, detection: { ...base.detection, disabledSites: ['a.example'] }, audio: { ...base.audio, volume: 0.2 } };
    expect(rebaseEdits(base, edited, incoming)).toEqual({ ...incoming, detection: { ...incoming.detection, linkStyle: 'none' } });
  });

  test('watch hears policy, storage.local and private-area changes, and stops when asked', async () => {
    const { storage, listeners } = fakeStorage();
    const priv = fakePrivate();
    const store = createSettingsStore({ storage, private: priv.area });
    await store.load(); // the first read writes the private defaults (a change of its own)
    let heard = 0;
    const stop = store.watch(() => heard++);
    await store.update({ audio: { ringtone: false } });
    await store.update({ detection: { enabled: false } });
    for (const l of listeners) l({ server: {} }, 'managed');
    for (const l of listeners) l({ other: {} }, 'local');
    expect(heard).toBe(3);
    stop();
    await store.update({ audio: { ringtone: true } });
    expect(heard).toBe(3);
  });
});
