import { DEFAULT_SETTINGS, PRIVATE_SECTIONS, SETTINGS_VERSION, SHARED_SECTIONS, type AudioSettings, type CallingSettings, type Settings } from './defaults';
import { isObject } from './is-object';
import { effectiveSettings, type ManagedProblems, type ManagedSettings } from './managed';
import { MANAGED_AREA, readManaged, readManagedProblems } from './read-managed';
import type { SettingsAreas } from './settings-areas';
import { SETTINGS_KEY } from './settings-key';
import { LOCAL_KEYS } from '../well-known';
import { applyPatch, touches, type SettingsPatch } from './settings-patch';
import { coerceSettings } from './validate-settings';

/** The private part (calling, audio) as the private area holds it. */
export interface PrivateSettings {
  calling: CallingSettings;
  audio: AudioSettings;
}

/**
 * The one way every context reads and writes settings. `storage.local` (readable and writable by content scripts)
 * holds only `detection`; `calling` and `audio` live in the private area, so nothing a page's content script writes
 * can change how a number is dialled. Writes are patches on top of what is stored at that moment: a page never
 * writes back a stale copy over a change another page made meanwhile.
 */
export interface SettingsStore {
  /** The user's own settings, complete and valid (an older install's are moved to where they belong first). */
  load(): Promise<Settings>;
  /** The settings in effect: the administrator's values over the user's. */
  effective(): Promise<Settings>;
  /** The administrator's values (browser policy); `{}` when nothing is managed. */
  managed(): Promise<ManagedSettings>;
  /** Policy values that were dropped as invalid, and why. */
  managedProblems(): Promise<ManagedProblems>;
  /**
   * Changes the fields in `patch` and nothing else; resolves with the user's settings after the change. A function
   * computes the patch from what is stored at that moment (e.g. adding a site to the disabled list).
   */
  update(patch: SettingsPatch | ((current: Settings) => SettingsPatch)): Promise<Settings>;
  /**
   * Whether the user's or the policy's CTI list names any origin: the content script's cheap test before it asks
   * the background (it cannot read the user's list itself). A hint kept in `storage.local` beside the settings.
   */
  ctiHint(): Promise<boolean>;
  /** Calls back when the user's settings or the policy change, in any context; returns the unsubscribe function. */
  watch(onChange: () => void): () => void;
}

/** The private area's stored value, complete and valid (`undefined` = never written). */
export function coercePrivateSettings(raw: unknown): PrivateSettings {
  const settings = coerceSettings(isObject(raw) ? raw : { version: SETTINGS_VERSION });
  return { calling: settings.calling, audio: settings.audio };
}

export function createSettingsStore(areas: SettingsAreas): SettingsStore {
  const { storage } = areas;
  let queue: Promise<unknown> = Promise.resolve();
  /** Writes from this context, one after another (each reads what the one before wrote). */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };

  const readShared = async () => (await storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const writeShared = (settings: Settings) => storage.local.set({ [SETTINGS_KEY]: sharedPart(settings) });

  const readPrivate = async (rawShared: unknown): Promise<PrivateSettings> => {
    const area = areas.private;
    if (!area) return { calling: DEFAULT_SETTINGS.calling, audio: DEFAULT_SETTINGS.audio };
    const raw = await area.get();
    if (raw !== undefined) return coercePrivateSettings(raw);
    // First run of this version. Before version 3 calling and audio lived in storage.local: take them from there
    // this once (later a content script could have written them), and from then on only from the private area.
    const old = isObject(rawShared) && typeof rawShared.version === 'number' && rawShared.version < 3 ? coerceSettings(rawShared) : DEFAULT_SETTINGS;
    const moved = { calling: old.calling, audio: old.audio };
    await area.set({ version: SETTINGS_VERSION, ...moved });
    if (isObject(rawShared) && PRIVATE_SECTIONS.some((s) => s in rawShared)) await writeShared(coerceSettings(rawShared));
    return moved;
  };

  const load = async (): Promise<Settings> => {
    const rawShared = await readShared();
    const shared = coerceSettings(rawShared);
    return { ...shared, ...(await readPrivate(rawShared)) };
  };
  const managed = () => readManaged(storage.managed);

  return {
    load: () => serial(load),
    effective: async () => {
      const [settings, policy] = await Promise.all([serial(load), managed()]);
      return effectiveSettings(settings, policy);
    },
    managed,
    ctiHint: async () => (await storage.local.get(LOCAL_KEYS.ctiHint))[LOCAL_KEYS.ctiHint] === true || ((await managed()).ctiOrigins?.length ?? 0) > 0,
    managedProblems: () => readManagedProblems(storage.managed),
    update: (change) =>
      serial(async () => {
        const current = await load();
        const patch = typeof change === 'function' ? change(current) : change;
        if (touches(patch, PRIVATE_SECTIONS) && !areas.private) throw new Error('Calling and audio settings are changed from extension pages only');
        const next = coerceSettings(applyPatch(current, patch));
        if (touches(patch, SHARED_SECTIONS)) await writeShared(next);
        if (touches(patch, PRIVATE_SECTIONS)) {
          await areas.private?.set({ version: SETTINGS_VERSION, calling: next.calling, audio: next.audio });
          await storage.local.set({ [LOCAL_KEYS.ctiHint]: next.calling.ctiOrigins.length > 0 });
        }
        return next;
      }),
    watch(onChange) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if ((area === 'local' && SETTINGS_KEY in changes) || area === MANAGED_AREA) onChange();
      };
      storage.onChanged.addListener(listener);
      const stopPrivate = areas.private?.watch(onChange);
      return () => {
        storage.onChanged.removeListener(listener);
        stopPrivate?.();
      };
    },
  };
}

/** What `storage.local` may hold: the version and the detection settings, nothing else. */
function sharedPart(settings: Settings): Pick<Settings, 'version' | 'detection'> {
  return { version: SETTINGS_VERSION, detection: settings.detection };
}
