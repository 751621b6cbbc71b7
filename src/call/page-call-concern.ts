import { currentLanguage, t } from '../i18n/t';
import type { ResolvedTarget } from '../messaging/protocol';
import { formatPhone } from '../phone/format-phone';
import { numberCountry, numberRisk, type NumberRisk } from '../phone/number-risk';

/** What the engine knows about a call a page asked for, beside the number itself. */
export interface PageCallContext {
  /**
   * The account's usual countries: the default country (or, without one, the browser's region) plus every country
   * the user has called before (outgoing calls in the history). A number elsewhere is confirmed first.
   */
  usualCountries: ReadonlySet<string>;
  /** The account's SIP domain ('' or undefined without an account): sip: links elsewhere are confirmed first. */
  accountDomain: string | undefined;
  /** The link was in a frame of another origin than the tab (ads, embeds): the host of that frame. */
  crossOriginFrame?: string;
  /** The content script could not be sure the user saw and meant the link (covered, clipped, focused by script). */
  unsure: boolean;
  /** The user (or the administrator) asked to confirm every call from a page. */
  confirmAll: boolean;
}

const RISK_KEYS = {
  'premium-rate': 'confirmPremiumRate',
  'shared-cost': 'confirmSharedCost',
  uan: 'confirmUan',
  'personal-number': 'confirmPersonalNumber',
  'unknown-type': 'confirmUnknownType',
} as const satisfies Record<NumberRisk, string>;

const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/**
 * Why a call a page started must wait for the user to press Call in the confirm dialer (the sentence the dialer
 * shows), or undefined when it may be placed at once. The first concern found is the one shown.
 */
export function pageCallConcern(target: ResolvedTarget, context: PageCallContext): string | undefined {
  if (context.unsure) return t('confirmUnsureClick');
  if (context.crossOriginFrame !== undefined) return t('confirmCrossOriginFrame', context.crossOriginFrame);
  if (target.kind === 'sip') {
    const { user, host } = sipParts(target.uri);
    if (IP_LITERAL.test(host)) return t('confirmIpHost', `${user}@${host}`);
    if (!context.accountDomain || host !== context.accountDomain.toLowerCase()) return t('confirmOtherServer', `${user}@${host}`);
  }
  if (target.kind === 'phone') {
    const shown = formatPhone(target.e164);
    const risky = numberRiskReason(target.e164);
    if (risky) return risky;
    const country = numberCountry(target.e164);
    if (!country || !context.usualCountries.has(country)) return t('confirmOtherCountry', shown, countryName(country));
  }
  return context.confirmAll ? t('confirmEveryCall') : undefined;
}

/** The sentence for a premium-rate, shared-cost, UAN, personal or unknown-type number; undefined for others. */
export function numberRiskReason(e164: string): string | undefined {
  const risk = numberRisk(e164);
  return risk ? t(RISK_KEYS[risk], formatPhone(e164)) : undefined;
}

/** User part and lower-case host (without port) of a sip:/sips: URI that passed resolveDialTarget's check. */
export function sipParts(uri: string): { user: string; host: string } {
  const rest = uri.replace(/^sips?:/i, '');
  const at = rest.lastIndexOf('@');
  const user = at < 0 ? '' : rest.slice(0, at);
  const hostPort = at < 0 ? rest : rest.slice(at + 1);
  const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.split(':')[0] ?? '';
  return { user, host: host.toLowerCase() };
}

/** The usual countries: the default (or browser) region and the countries of numbers called before. */
export function usualCountries(homeCountry: string | undefined, calledNumbers: Iterable<string>): Set<string> {
  const countries = new Set<string>(homeCountry ? [homeCountry] : []);
  for (const number of calledNumbers) {
    if (!/^\+\d+$/.test(number)) continue;
    const country = numberCountry(number);
    if (country) countries.add(country);
  }
  return countries;
}

function countryName(code: string | undefined): string {
  if (!code) return '?';
  try {
    return new Intl.DisplayNames([currentLanguage()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
