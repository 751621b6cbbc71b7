import { AUTO_ANSWER_MAX_SECONDS, DEFAULT_SETTINGS, DND_RESPONSES, DTMF_MODES, LINK_STYLES, MAX_EXTENSION_DELAY, SCREEN_POP_WHEN, SETTINGS_VERSION, type ScreenPopWhen, type AudioSettings, type DndResponse, type DtmfMode, type LinkStyle, type Settings } from './defaults';
import { DEFAULT_DIAL_RULES, PLUS_MODES, type DialRewrite, type DialRules } from './dial-rules-schema';
import { isObject } from './is-object';
import { migrateSettings } from './migrations';
import { normalizeCtiOrigins } from '../cti/cti-origins';
import { normalizeCrmUrl } from '../crm/crm-url';

/** A region code as stored in `detection.defaultCountry` ('' = automatic). */
export const COUNTRY = /^[A-Z]{2}$/;
const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$/;

/** Lower-cases and trims a host the user typed (accepts a pasted URL); '' when it is not a host. */
export function normalizeHost(input: string): string {
  let host = input.trim().toLowerCase();
  const scheme = host.indexOf('://');
  if (scheme >= 0) host = host.slice(scheme + 3);
  host = host.split('/')[0] ?? '';
  return HOST.test(host) ? host : '';
}

/**
 * Turns whatever is in storage (nothing, an old version, a hand-edited or partly corrupt object) into a complete,
 * valid {@link Settings}. Unknown keys are dropped; each invalid field falls back to its default, so one bad value
 * never costs the user the rest of their settings.
 */
export function coerceSettings(stored: unknown): Settings {
  const migrated = migrateSettings(stored);
  const d = (isObject(migrated.detection) ? migrated.detection : {}) as Record<string, unknown>;
  const c = (isObject(migrated.calling) ? migrated.calling : {}) as Record<string, unknown>;
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
      siteCountries: coerceSiteCountries(d.siteCountries),
    },
    calling: {
      dtmf: (DTMF_MODES as readonly unknown[]).includes(c.dtmf) ? (c.dtmf as DtmfMode) : DEFAULT_SETTINGS.calling.dtmf,
      dialRules: coerceDialRules(c.dialRules),
      historySize:
        typeof c.historySize === 'number' && Number.isInteger(c.historySize) && c.historySize >= 0 && c.historySize <= 5000
          ? c.historySize
          : DEFAULT_SETTINGS.calling.historySize,
      maxLines: c.maxLines === 2 || c.maxLines === 3 || c.maxLines === 4 ? c.maxLines : DEFAULT_SETTINGS.calling.maxLines,
      confirmPageCalls: typeof c.confirmPageCalls === 'boolean' ? c.confirmPageCalls : DEFAULT_SETTINGS.calling.confirmPageCalls,
      extensionDelay: isExtensionDelay(c.extensionDelay) ? c.extensionDelay : DEFAULT_SETTINGS.calling.extensionDelay,
      dnd: typeof c.dnd === 'boolean' ? c.dnd : DEFAULT_SETTINGS.calling.dnd,
      dndResponse: (DND_RESPONSES as readonly unknown[]).includes(c.dndResponse) ? (c.dndResponse as DndResponse) : DEFAULT_SETTINGS.calling.dndResponse,
      autoAnswer: isAutoAnswerDelay(c.autoAnswer) ? c.autoAnswer : DEFAULT_SETTINGS.calling.autoAnswer,
      intercom: typeof c.intercom === 'boolean' ? c.intercom : DEFAULT_SETTINGS.calling.intercom,
      ctiOrigins: Array.isArray(c.ctiOrigins) ? normalizeCtiOrigins(c.ctiOrigins) : [],
      screenPopUrl: normalizeCrmUrl(c.screenPopUrl, true),
      screenPopWhen: (SCREEN_POP_WHEN as readonly unknown[]).includes(c.screenPopWhen) ? (c.screenPopWhen as ScreenPopWhen) : DEFAULT_SETTINGS.calling.screenPopWhen,
      callLogUrl: normalizeCrmUrl(c.callLogUrl),
    },
    audio: coerceAudio(migrated.audio),
  };
}

/** Per-site countries: valid hosts to valid region codes; anything else is dropped entry by entry. */
function coerceSiteCountries(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    const host = normalizeHost(key);
    const country = typeof value === 'string' ? value.toUpperCase() : '';
    if (host && COUNTRY.test(country)) out[host] = country;
  }
  return out;
}

/** Seconds, 0 to {@link MAX_EXTENSION_DELAY}. */
export function isExtensionDelay(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_EXTENSION_DELAY;
}

/** An auto-answer delay in whole seconds, 0 (off) to {@link AUTO_ANSWER_MAX_SECONDS}. */
export function isAutoAnswerDelay(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= AUTO_ANSWER_MAX_SECONDS;
}

/** Device ids are opaque strings from `enumerateDevices` (Chrome: 64 hex digits, or "default"/"communications"). */
const DEVICE_ID = /^[\w+/=.-]{0,256}$/;

function coerceAudio(raw: unknown): AudioSettings {
  const a = isObject(raw) ? raw : {};
  const def = DEFAULT_SETTINGS.audio;
  const device = (v: unknown, fallback: string) => (typeof v === 'string' && DEVICE_ID.test(v) ? v : fallback);
  return {
    microphone: device(a.microphone, def.microphone),
    speaker: device(a.speaker, def.speaker),
    ringer: device(a.ringer, def.ringer),
    ringtone: typeof a.ringtone === 'boolean' ? a.ringtone : def.ringtone,
    volume: typeof a.volume === 'number' && a.volume >= 0 && a.volume <= 1 ? a.volume : def.volume,
  };
}

const DIGITS = /^[0-9*#+]*$/;

function coerceDialRules(raw: unknown): DialRules {
  const r = isObject(raw) ? raw : {};
  const rewrites = Array.isArray(r.rewrites) ? r.rewrites.filter(isObject).map(coerceRewrite).filter((x): x is DialRewrite => x !== undefined) : [];
  return {
    plus: (PLUS_MODES as readonly unknown[]).includes(r.plus) ? (r.plus as DialRules['plus']) : DEFAULT_DIAL_RULES.plus,
    idd: typeof r.idd === 'string' && /^[0-9]{1,4}$/.test(r.idd) ? r.idd : DEFAULT_DIAL_RULES.idd,
    outsidePrefix: typeof r.outsidePrefix === 'string' && DIGITS.test(r.outsidePrefix) ? r.outsidePrefix : '',
    rewrites,
  };
}

function coerceRewrite(r: Record<string, unknown>): DialRewrite | undefined {
  if (typeof r.match !== 'string' || typeof r.replace !== 'string' || !DIGITS.test(r.match) || !DIGITS.test(r.replace)) return undefined;
  const len = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 64 ? v : undefined);
  const out: DialRewrite = { match: r.match, replace: r.replace };
  const min = len(r.minLength);
  const max = len(r.maxLength);
  if (min !== undefined) out.minLength = min;
  if (max !== undefined) out.maxLength = max;
  return out;
}
