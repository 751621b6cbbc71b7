/**
 * Settings an administrator pushes through browser policy (`storage.managed`; schema in
 * `src/assets/managed-schema.json`). Managed values win over the user's own: {@link effectiveSettings} and
 * {@link effectiveAccount} are what every part of Dialable uses, and {@link isLocked} tells the pages which fields to
 * show as "Set by your organisation".
 */
import type { Account } from './account';
import { LINK_STYLES, type LinkStyle, type Settings } from './defaults';
import { isObject } from './is-object';
import { outboundProxyProblem, type OutboundProxyProblem } from './outbound-proxy-problem';
import { serverProblem, type ServerProblem } from './server-problem';
import { isAutoAnswerDelay, normalizeHost } from './validate-settings';
import { normalizeCtiOrigins } from '../cti/cti-origins';
import { crmUrlProblem } from '../crm/crm-url';

/** What a policy may set (flat keys, as an administrator writes them in policies.json). */
export interface ManagedSettings {
  server?: string;
  /** A second WebSocket server; '' locks the field empty (no backup server). */
  backupServer?: string;
  /** The outbound proxy's SIP URI; '' locks the field empty (no proxy). */
  outboundProxy?: string;
  domain?: string;
  username?: string;
  defaultCountry?: string;
  detectionEnabled?: boolean;
  disabledSites?: string[];
  linkStyle?: LinkStyle;
  /** Ask before every call started from a web page. */
  confirmPageCalls?: boolean;
  /** Do not disturb on (`true`) or off (`false`); the popup's switch and the shortcut then change nothing. */
  dnd?: boolean;
  /** Auto-answer after this many seconds (0 = never), 0–60. */
  autoAnswer?: number;
  /** The web apps that may use the CTI page API (exact origins); `[]` forbids every page. Replaces the user's list. */
  ctiOrigins?: string[];
  /** The screen-pop URL template (https); '' locks it off. Replaces the user's. */
  screenPopUrl?: string;
  /** The call-log webhook (https); '' locks it off. Replaces the user's (the secret stays the user's to enter). */
  callLogUrl?: string;
}

export type ManagedField = keyof ManagedSettings;

/** Policy values that were dropped, and why (the options page says so): the servers and proxy are checked like the form's. */
export interface ManagedProblems {
  server?: ServerProblem;
  backupServer?: ServerProblem;
  outboundProxy?: OutboundProxyProblem;
}

const COUNTRY = /^[A-Z]{2}$/;
const NAME = /^[^\s@:"<>]+$/;

/**
 * Keeps the valid fields of a raw `storage.managed.get()` result and drops the rest: a mistyped policy value must
 * not lock a field to nonsense (Chrome validates against the schema too; Firefox's policies.json does not).
 */
export function coerceManaged(raw: unknown): ManagedSettings {
  // Nothing managed, the common case: every page's content script reads this, and the checks below cost it their
  // patterns' first compile.
  if (!isObject(raw) || Object.keys(raw).length === 0) return {};
  const out: ManagedSettings = {};
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  if (typeof raw.server === 'string' && !serverProblem(raw.server)) out.server = text(raw.server);
  if (typeof raw.backupServer === 'string' && !backupServerProblem(raw.backupServer)) out.backupServer = text(raw.backupServer);
  if (typeof raw.outboundProxy === 'string' && !outboundProxyProblem(raw.outboundProxy)) out.outboundProxy = text(raw.outboundProxy);
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
  if (typeof raw.dnd === 'boolean') out.dnd = raw.dnd;
  if (isAutoAnswerDelay(raw.autoAnswer)) out.autoAnswer = raw.autoAnswer;
  if (Array.isArray(raw.ctiOrigins)) out.ctiOrigins = normalizeCtiOrigins(raw.ctiOrigins);
  if (typeof raw.screenPopUrl === 'string' && !crmUrlProblem(raw.screenPopUrl, true)) out.screenPopUrl = text(raw.screenPopUrl);
  if (typeof raw.callLogUrl === 'string' && !crmUrlProblem(raw.callLogUrl)) out.callLogUrl = text(raw.callLogUrl);
  return out;
}

/** Why a policy value was dropped by {@link coerceManaged} (only the servers and the proxy have reasons worth telling a user). */
export function managedProblems(raw: unknown): ManagedProblems {
  if (!isObject(raw)) return {};
  const problems: ManagedProblems = {};
  const check = <P>(value: unknown, problemOf: (v: string) => P | undefined): P | 'invalid' | undefined =>
    value === undefined ? undefined : typeof value === 'string' ? problemOf(value) : 'invalid';
  const server = check(raw.server, serverProblem);
  const backupServer = check(raw.backupServer, backupServerProblem);
  const outboundProxy = check(raw.outboundProxy, outboundProxyProblem);
  if (server) problems.server = server;
  if (backupServer) problems.backupServer = backupServer;
  if (outboundProxy) problems.outboundProxy = outboundProxy;
  return problems;
}

/** An empty backup server is a valid policy (it forbids one); anything else must pass as a server. */
function backupServerProblem(value: string): ServerProblem | undefined {
  return value.trim() === '' ? undefined : serverProblem(value);
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
      // A country the administrator set holds on every site: the user's per-site choices give way to it.
      siteCountries: managed.defaultCountry === undefined ? d.siteCountries : {},
    },
    calling: {
      ...settings.calling,
      confirmPageCalls: managed.confirmPageCalls ?? settings.calling.confirmPageCalls,
      dnd: managed.dnd ?? settings.calling.dnd,
      autoAnswer: managed.autoAnswer ?? settings.calling.autoAnswer,
      ctiOrigins: managed.ctiOrigins ?? settings.calling.ctiOrigins,
      screenPopUrl: managed.screenPopUrl ?? settings.calling.screenPopUrl,
      callLogUrl: managed.callLogUrl ?? settings.calling.callLogUrl,
    },
  };
}

/** The account in effect: managed servers, proxy, domain and username over what the user typed (or imported). */
export function effectiveAccount<A extends Pick<Account, 'server' | 'domain' | 'username' | 'backupServer' | 'outboundProxy'>>(account: A, managed: ManagedSettings): A {
  return {
    ...account,
    server: managed.server ?? account.server,
    backupServer: managed.backupServer ?? account.backupServer,
    outboundProxy: managed.outboundProxy ?? account.outboundProxy,
    domain: managed.domain ?? account.domain,
    username: managed.username ?? account.username,
  };
}
