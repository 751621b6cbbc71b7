/**
 * The settings schema: the defaults object *is* the schema, and {@link Settings} is derived from it.
 * Bump {@link SETTINGS_VERSION} and add a step to `migrations.ts` when the shape changes.
 */
import { DEFAULT_DIAL_RULES, type DialRules } from './dial-rules-schema';

export const SETTINGS_VERSION = 3;

/** How our links look. `dotted` adds a subtle dotted underline; `none` leaves the text exactly as the page drew it. */
export const LINK_STYLES = ['dotted', 'none'] as const;
export type LinkStyle = (typeof LINK_STYLES)[number];

export const DEFAULT_SETTINGS = {
  version: SETTINGS_VERSION,
  detection: {
    /** Master switch for linkifying numbers on pages. */
    enabled: true,
    /** ISO 3166-1 alpha-2 region for national numbers; '' means "the browser locale's region". */
    defaultCountry: '',
    /** Hostnames (exact, lower case) where the content script does nothing. */
    disabledSites: [] as string[],
    linkStyle: 'dotted' as LinkStyle,
  },
  calling: {
    /** RFC 4733 telephone-events in the media, or SIP INFO (application/dtmf-relay) for servers that need it. */
    dtmf: 'rfc4733' as DtmfMode,
    dialRules: DEFAULT_DIAL_RULES as DialRules,
    /** Call history entries kept. */
    historySize: 200,
    /** Calls at the same time (call waiting, consult, conference): 2 to 4; one more caller hears busy. */
    maxLines: 2,
    /** Ask before every call started from a web page (the confirm dialer), not only for unusual numbers. */
    confirmPageCalls: false,
    /** Seconds between the call being answered and its extension (x204) being sent as DTMF; 0–30. */
    extensionDelay: 2,
  },
  /** Audio devices by `deviceId` ('' = the system default); a missing device falls back to the default. */
  audio: {
    microphone: '',
    /** Call audio output (`HTMLMediaElement.setSinkId`, where the browser has it). */
    speaker: '',
    /** Where the ringtone plays ('' = the speaker above), e.g. the laptop speakers while the headset is for calls. */
    ringer: '',
    /** Play a ringtone for incoming calls. */
    ringtone: true,
    /** Call audio volume, 0–1. */
    volume: 1,
  },
};

export const DTMF_MODES = ['rfc4733', 'info'] as const;
/** The longest extension delay the options accept, in seconds: longer than any PBX greeting before it takes digits. */
export const MAX_EXTENSION_DELAY = 30;
export type DtmfMode = (typeof DTMF_MODES)[number];

export type Settings = typeof DEFAULT_SETTINGS;
export type DetectionSettings = Settings['detection'];
export type CallingSettings = Settings['calling'];
export type AudioSettings = Settings['audio'];
/** The parts of the settings a change can name (see `settings-patch.ts`). */
export type SettingsSection = 'detection' | 'calling' | 'audio';

/**
 * Who may read each part. `shared` lives in `storage.local`, which content scripts can read and write: only what the
 * linkifier needs. `private` lives in the extension origin's IndexedDB (see `private-area.ts`), out of their reach.
 */
export const SHARED_SECTIONS = ['detection'] as const satisfies readonly SettingsSection[];
export const PRIVATE_SECTIONS = ['calling', 'audio'] as const satisfies readonly SettingsSection[];
