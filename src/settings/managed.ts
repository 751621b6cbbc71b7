/**
 * Settings an administrator pushes through browser policy (`storage.managed`; schema in
 * `src/assets/managed-schema.json`). Managed values win over the user's own: {@link effectiveSettings} and
 * {@link effectiveAccount} are what every part of Dialable uses, and {@link isLocked} tells the pages which fields to
 * show as "Set by your organisation".
 */
import type { Account } from './account';
import { LINK_STYLES, type LinkStyle, type Settings } from './defaults';
import { isObject } from './is-object';
import { serverProblem, type ServerProblem } from './server-problem';
import { normalizeHost } from './validate-settings';

/** What a policy may set (flat keys, as an administrator writes them in policies.json). */
export interface ManagedSettings {
  server?: string;
  domain?: string;
  username?: string;
  defaultCountry?: string;
  detectionEnabled?: boolean;
  disabledSites?: string[];
  linkStyle?: LinkStyle;
  /** Ask before every call started from a web page. */
  confirmPageCalls?: boolean;
}

export type ManagedField = keyof ManagedSettings;

/** Policy values that were dropped, and why (the options page says so): the server is checked like the form's. */
export type ManagedProblems = Partial<Record<ManagedField, ServerProblem>>;

const COUNTRY = /^[A-Z]{2}$/;
const NAME = /^[^\s@:"<>]+$/;

/**
 * Keeps the valid fields of a raw `storage.managed.get()` result and drops the rest: a mistyped policy value must
 * not lock a field to nonsense (Chrome validates against the schema too; Firefox's policies.json does not).
 */
export function coerceManaged(raw: unknown): ManagedSettings {
  if (!isObject(raw)) return {};
  const out: ManagedSettings = {};
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  if (typeof raw.server === 'string' && !serverProblem(raw.server)) out.server = text(raw.server);
  if (NAME.test(text(raw.domain))) out.domain = text(raw.domain).toLowerCase();
  if (NAME.test(text(raw.username))) out.username = text(raw.username);
  const country = text(raw.defaultCountry).toUpperCase();
  if (COUNTRY.test(country)) out.defaultCountry = country;
  if (typeof raw.detectionEnabled === 'boolean') out.detectionEnabled = raw.detectionEnabled;
  if (Array.isArray(raw.disabledSites)) {
    out.disabledSites = [...new Set(raw.disabledSites.filter((h): h is string => typeof h === 'string').map(normalizeHost).filter(Boolean))];
  }
  if ((LINK_STYLES as readonly unknown[]).includes(raw.linkStyle)) out.linkStyle = raw.linkStyle as LinkStyle;
  if (typeof raw.confirmPageCalls === 'boolean') out.confirmPageCalls = raw.confirmPageCalls;
  return out;
}

/** Why a policy value was dropped by {@link coerceManaged} (only the server has reasons worth telling a user). */
export function managedProblems(raw: unknown): ManagedProblems {
  if (!isObject(raw) || raw.server === undefined) return {};
  const problem = typeof raw.server === 'string' ? serverProblem(raw.server) : 'invalid';
  return problem ? { server: problem } : {};
}

/** Whether the administrator set this field (the pages show it disabled, and nothing the user does changes it). */
export function isLocked(managed: ManagedSettings, field: ManagedField): boolean {
  return managed[field] !== undefined;
}

/** The settings in effect: the managed values over the user's. */
export function effectiveSettings(settings: Settings, managed: ManagedSettings): Settings {
  const d = settings.detection;
  return {
    ...settings,
    detection: {
      enabled: managed.detectionEnabled ?? d.enabled,
      defaultCountry: managed.defaultCountry ?? d.defaultCountry,
      disabledSites: managed.disabledSites ?? d.disabledSites,
      linkStyle: managed.linkStyle ?? d.linkStyle,
    },
    calling: managed.confirmPageCalls === undefined ? settings.calling : { ...settings.calling, confirmPageCalls: managed.confirmPageCalls },
  };
}

/** The account in effect: managed server, domain and username over what the user typed (or imported). */
export function effectiveAccount<A extends Pick<Account, 'server' | 'domain' | 'username'>>(account: A, managed: ManagedSettings): A {
  return {
    ...account,
    server: managed.server ?? account.server,
    domain: managed.domain ?? account.domain,
    username: managed.username ?? account.username,
  };
}
