/** The `storage.local` key holding the (non-secret) settings object. Credentials never live under it. */
export const SETTINGS_KEY = 'settings';
