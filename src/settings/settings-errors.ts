import { t } from '../i18n/t';
import { LINK_STYLES, MAX_EXTENSION_DELAY, type Settings } from './defaults';
import { COUNTRY, isExtensionDelay, normalizeHost } from './validate-settings';

// Apart from validate-settings.ts: the content script coerces settings and must not bundle the dictionaries.

/** Problems found in a settings object, keyed by a dotted field path, in plain words for the options page. */
export type SettingsErrors = Partial<Record<string, string>>;

/** Checks a settings object the user edited; returns an empty object when it is fine. */
export function validateSettings(settings: Settings): SettingsErrors {
  const errors: SettingsErrors = {};
  const d = settings.detection;
  if (d.defaultCountry !== '' && !COUNTRY.test(d.defaultCountry)) {
    errors['detection.defaultCountry'] = t('detectionErrorCountry');
  }
  if (!(LINK_STYLES as readonly string[]).includes(d.linkStyle)) {
    errors['detection.linkStyle'] = t('detectionErrorLinkStyle');
  }
  const badHost = d.disabledSites.find((h) => normalizeHost(h) !== h);
  if (badHost !== undefined) errors['detection.disabledSites'] = t('detectionBadSite', badHost);
  if (!isExtensionDelay(settings.calling.extensionDelay)) errors['calling.extensionDelay'] = t('dialingExtensionDelayError', String(MAX_EXTENSION_DELAY));
  return errors;
}
