import type { Settings, SettingsSection } from './defaults';

/** A change to some fields of some sections: what a page actually changed, never a whole (possibly stale) copy. */
export type SettingsPatch = { [S in SettingsSection]?: Partial<Settings[S]> };

const SECTIONS: readonly SettingsSection[] = ['detection', 'calling', 'audio'];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `settings` with the patched fields replaced. */
export function applyPatch(settings: Settings, patch: SettingsPatch): Settings {
  const out = { ...settings };
  for (const section of SECTIONS) {
    if (patch[section]) out[section] = { ...settings[section], ...patch[section] } as never;
  }
  return out;
}

/** The fields a form changed since it loaded `base` (compared by value; arrays and dial rules as a whole). */
export function diffSettings(base: Settings, edited: Settings): SettingsPatch {
  const patch: SettingsPatch = {};
  for (const section of SECTIONS) {
    const changed: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(edited[section])) {
      if (!same(value, (base[section] as Record<string, unknown>)[field])) changed[field] = value;
    }
    if (Object.keys(changed).length > 0) patch[section] = changed as never;
  }
  return patch;
}

/**
 * A form's state after the stored settings changed elsewhere (another page, an import): fields the user has not
 * touched since `base` follow `incoming`; the ones they edited keep their edit.
 */
export function rebaseEdits(base: Settings, edited: Settings, incoming: Settings): Settings {
  return applyPatch(incoming, diffSettings(base, edited));
}

/** Whether a patch touches a section. */
export function touches(patch: SettingsPatch, sections: readonly SettingsSection[]): boolean {
  return sections.some((s) => patch[s] !== undefined && Object.keys(patch[s]).length > 0);
}
