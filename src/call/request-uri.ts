import type { ResolvedTarget } from '../messaging/protocol';
import { applyDialRules } from '../phone/dial-rules';
import type { DialRules } from '../settings/dial-rules-schema';
import { extensionModeOf, type Account, type ExtensionMode } from '../settings/account';
import type { Settings } from '../settings/defaults';

/** What a request URI is built from: the account's domain and the dial rules with their home country. */
export interface DialPlan {
  domain: string;
  dialRules: DialRules;
  /** The default country (`national` dial rules); undefined when none is set. */
  defaultCountry: string | undefined;
  /** How the account's PBX takes an extension; `comma`/`star` put it in the request URI (default: DTMF later). */
  extensionMode?: ExtensionMode;
}

/** The dial plan from the settings, the account (its extension mode) and the domain in use. */
export function dialPlan(settings: Pick<Settings, 'detection' | 'calling'>, account: Account | undefined, domain: string): DialPlan {
  const { detection, calling } = settings;
  return { domain, dialRules: calling.dialRules, defaultCountry: detection.defaultCountry || undefined, extensionMode: extensionModeOf(account) };
}

const EXTENSION_SEPARATOR: Partial<Record<ExtensionMode, string>> = { comma: ',', star: '*' };

/**
 * The SIP request URI for a call or a transfer: a SIP URI as given, an internal extension at the account's domain,
 * a phone number with the dial rules applied (the PBX gets what a desk phone would dial), and its extension after
 * `,` or `*` when the account's PBX takes it that way.
 */
export function requestUri(target: ResolvedTarget, plan: DialPlan): string {
  if (target.kind === 'sip') return target.uri;
  if (target.kind === 'user') return `sip:${target.user}@${plan.domain}`;
  const separator = target.ext && plan.extensionMode ? EXTENSION_SEPARATOR[plan.extensionMode] : undefined;
  const ext = separator ? separator + target.ext : '';
  return `sip:${applyDialRules(target.e164, plan.dialRules, plan.defaultCountry)}${ext}@${plan.domain}`;
}

/**
 * {@link requestUri} with the dial plan taken from the settings in effect, the account's domain and its extension
 * mode (`account`, when the target may carry an extension).
 */
export function requestUriFor(target: ResolvedTarget, settings: Pick<Settings, 'detection' | 'calling'>, domain: string, account?: Account): string {
  return requestUri(target, dialPlan(settings, account, domain));
}

/**
 * What the user typed as a transfer target: a SIP URI, an E.164 number, or else an extension (stripped to the
 * characters a SIP user part can carry unescaped, so the input cannot add URI parameters or headers).
 */
export function transferTarget(input: string): ResolvedTarget {
  const trimmed = input.trim();
  if (/^sips?:/i.test(trimmed)) return { kind: 'sip', uri: trimmed };
  if (/^\+\d{6,15}$/.test(trimmed)) return { kind: 'phone', e164: trimmed };
  return { kind: 'user', user: trimmed.replace(/[^0-9A-Za-z*#+._-]/g, '') };
}

/** The number a call shows and is recognised by (a second click on it joins the call being set up). */
export function dialedNumber(target: ResolvedTarget): string {
  return target.kind === 'phone' ? target.e164 : target.kind === 'sip' ? target.uri : target.user;
}
