export * from './defaults';
export { coerceSettings, normalizeHost } from './validate-settings';
export { validateSettings, type SettingsErrors } from './settings-errors';
export { isSiteEnabled } from './site-enabled';
