export * from './defaults';
export { coerceSettings, validateSettings, normalizeHost, type SettingsErrors } from './validate-settings';
export { isSiteEnabled } from './site-enabled';
export { SETTINGS_KEY } from './settings-key';
