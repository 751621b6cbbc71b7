import { DEFAULT_SETTINGS, LINK_STYLES, SETTINGS_VERSION, type LinkStyle, type Settings } from './defaults';
import { isObject } from './is-object';
import { migrateSettings } from './migrations';

const COUNTRY = /^[A-Z]{2}$/;
const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$/;

/** Problems found in a settings object, keyed by a dotted field path, in plain words for the options page. */
export type SettingsErrors = Partial<Record<string, string>>;

/** Lower-cases and trims a host the user typed (accepts a pasted URL); '' when it is not a host. */
export function normalizeHost(input: string): string {
  let host = input.trim().toLowerCase();
  const scheme = host.indexOf('://');
  if (scheme >= 0) host = host.slice(scheme + 3);
  host = host.split('/')[0] ?? '';
  return HOST.test(host) ? host : '';
}

/** Checks a settings object the user edited; returns an empty object when it is fine. */
export function validateSettings(settings: Settings): SettingsErrors {
  const errors: SettingsErrors = {};
  const d = settings.detection;
  if (d.defaultCountry !== '' && !COUNTRY.test(d.defaultCountry)) {
    errors['detection.defaultCountry'] = 'Choose a country from the list, or "Automatic".';
  }
  if (!(LINK_STYLES as readonly string[]).includes(d.linkStyle)) {
    errors['detection.linkStyle'] = 'Choose one of the offered link styles.';
  }
  const badHost = d.disabledSites.find((h) => normalizeHost(h) !== h);
  if (badHost !== undefined) errors['detection.disabledSites'] = `"${badHost}" is not a site name such as example.com.`;
  return errors;
}

/**
 * Turns whatever is in storage (nothing, an old version, a hand-edited or partly corrupt object) into a complete,
 * valid {@link Settings}. Unknown keys are dropped; each invalid field falls back to its default, so one bad value
 * never costs the user the rest of their settings.
 */
export function coerceSettings(stored: unknown): Settings {
  const migrated = migrateSettings(stored);
  const d = (isObject(migrated) && isObject(migrated.detection) ? migrated.detection : {}) as Record<string, unknown>;
  const def = DEFAULT_SETTINGS.detection;
  const country = typeof d.defaultCountry === 'string' ? d.defaultCountry.toUpperCase() : def.defaultCountry;
  const sites = Array.isArray(d.disabledSites)
    ? [...new Set(d.disabledSites.filter((h): h is string => typeof h === 'string').map(normalizeHost).filter(Boolean))]
    : [];
  return {
    version: SETTINGS_VERSION,
    detection: {
      enabled: typeof d.enabled === 'boolean' ? d.enabled : def.enabled,
      defaultCountry: country === '' || COUNTRY.test(country) ? country : def.defaultCountry,
      disabledSites: sites,
      linkStyle: (LINK_STYLES as readonly unknown[]).includes(d.linkStyle) ? (d.linkStyle as LinkStyle) : def.linkStyle,
    },
  };
}
