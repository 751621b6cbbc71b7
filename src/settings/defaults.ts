/**
 * The settings schema: the defaults object *is* the schema, and {@link Settings} is derived from it.
 * Bump {@link SETTINGS_VERSION} and add a step to `migrations.ts` when the shape changes.
 */
import { DEFAULT_DIAL_RULES, type DialRules } from './dial-rules-schema';

export const SETTINGS_VERSION = 7;

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
    /**
     * Per-site country for national numbers (exact host, lower case → ISO 3166-1 alpha-2), chosen in the popup next
     * to the site switch. Wins over `defaultCountry` on that site; a site not listed follows `defaultCountry`, and
     * with that on "Automatic" the page's own signals (inferPageCountry).
     */
    siteCountries: {} as Record<string, string>,
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
    /** Do not disturb: incoming calls are turned away without ringing (the popup's switch and a shortcut). */
    dnd: false,
    /** The SIP answer a caller gets while Do not disturb is on: 486 Busy Here or 480 Temporarily Unavailable. */
    dndResponse: 486 as DndResponse,
    /** Answer incoming calls by themselves after this many seconds of ringing; 0 = never. */
    autoAnswer: 0,
    /**
     * Intercom: a call from the account's own domain that asks to be answered at once (`Call-Info: …;answer-after=0`,
     * `Alert-Info: …auto-answer`) is answered without a click. Callers from other domains ring as usual.
     */
    intercom: false,
    /**
     * Web apps (exact origins, `https://host[:port]`) that may drive Dialable through the CTI page API (docs/cti.md).
     * Empty: no page can, and no page can tell that Dialable is installed.
     */
    ctiOrigins: [] as string[],
    /**
     * Screen-pop (docs/crm.md): a URL template opened in a new tab for an incoming call, e.g.
     * `https://crm.example.com/search?phone={e164}&name={name}`; '' = off. https only (http on loopback).
     */
    screenPopUrl: '',
    /** When the screen-pop opens: as the call rings, or once it is answered. */
    screenPopWhen: 'ring' as ScreenPopWhen,
    /** Call-log webhook: every ended call is POSTed here as JSON; '' = off. Its secret is kept apart, with the account's. */
    callLogUrl: '',
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

export const SCREEN_POP_WHEN = ['ring', 'answer'] as const;
export type ScreenPopWhen = (typeof SCREEN_POP_WHEN)[number];

export const DND_RESPONSES = [486, 480] as const;
export type DndResponse = (typeof DND_RESPONSES)[number];
/** The auto-answer delays the options offer (seconds; 0 = off). A policy may set any whole number up to the maximum. */
export const AUTO_ANSWER_CHOICES = [0, 1, 3, 5, 10, 20] as const;
export const AUTO_ANSWER_MAX_SECONDS = 60;

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
