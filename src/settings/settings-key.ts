import { LOCAL_KEYS } from '../well-known';
/** The `storage.local` key holding the (non-secret) settings object. Credentials never live under it. */
export const SETTINGS_KEY = LOCAL_KEYS.settings;
