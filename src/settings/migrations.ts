import { SETTINGS_VERSION } from './defaults';
import { isObject } from './is-object';

type Raw = Record<string, unknown>;

/**
 * Ordered migration steps: `MIGRATIONS[n]` turns a version-n object into version n+1.
 * Version 0 is "no version field" (never shipped; kept as the template for the next step).
 */
const MIGRATIONS: Record<number, (old: Raw) => Raw> = {
  0: (old) => ({ ...old, version: 1 }),
  // Version 2 added audio devices (`audio`): everything on the system default, ringtone on, full volume.
  1: (old) => ({ ...old, version: 2, audio: { microphone: '', speaker: '', ringer: '', ringtone: true, volume: 1 } }),
  // Version 3 added `calling.confirmPageCalls` (off), and moved `calling` and `audio` out of `storage.local` into the
  // extension's private store: the move is the settings store's (settings-store.ts), this step only the new field.
  2: (old) => ({ ...old, version: 3, calling: { ...(isObject(old.calling) ? old.calling : {}), confirmPageCalls: false } }),
  // Version 4 added Do not disturb (off, answered with 486) and auto-answer (off, intercom off).
  3: (old) => ({ ...old, version: 4, calling: { ...(isObject(old.calling) ? old.calling : {}), dnd: false, dndResponse: 486, autoAnswer: 0, intercom: false } }),
  // Version 5 added the CTI page API's allowed origins (none).
  4: (old) => ({ ...old, version: 5, calling: { ...(isObject(old.calling) ? old.calling : {}), ctiOrigins: [] } }),
  // Version 6 added the CRM integration: no screen-pop (opening on ring once set), no call-log webhook.
  5: (old) => ({ ...old, version: 6, calling: { ...(isObject(old.calling) ? old.calling : {}), screenPopUrl: '', screenPopWhen: 'ring', callLogUrl: '' } }),
  // Version 7 added the per-site country (`detection.siteCountries`): none, every site follows the default country.
  6: (old) => ({ ...old, version: 7, detection: { ...(isObject(old.detection) ? old.detection : {}), siteCountries: {} } }),
};

/** Runs every migration from the stored version up to {@link SETTINGS_VERSION}; unknown input becomes `{}`. */
export function migrateSettings(stored: unknown): Raw {
  if (!isObject(stored)) return { version: SETTINGS_VERSION };
  let current: Raw = stored;
  let version = typeof current.version === 'number' ? current.version : 0;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    current = step(current);
    version += 1;
  }
  return current;
}
