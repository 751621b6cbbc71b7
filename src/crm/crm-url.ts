import { isLoopbackHost } from '../cti/cti-origins';

/**
 * Where Dialable may send a caller's details or call records for a CRM (`screenPopUrl`, `callLogUrl`): `https://`
 * only, since both carry phone numbers and names; plain `http://` only on the loopback addresses, where a CRM under
 * development or a test receiver runs and nothing crosses the network. No user name or password in the URL (they
 * would travel with every request and show in every tab).
 */
export type CrmUrlProblem = 'invalid' | 'not-https' | 'placeholder-in-origin';

/** The longest URL or template we keep. */
export const MAX_CRM_URL = 2000;

const PLACEHOLDER = /\{[a-z0-9]+\}/gi;

/**
 * Checks a URL the user or a policy typed; `template`: `{…}` placeholders may stand in the path, query and fragment,
 * never in the scheme, host or port (a caller's name must not pick the site the tab opens). '' is fine (not set).
 */
export function crmUrlProblem(text: string, template = false): CrmUrlProblem | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (value.length > MAX_CRM_URL) return 'invalid';
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(value)?.[0] ?? '';
  if (template && origin.includes('{')) return 'placeholder-in-origin';
  const sample = template ? value.replace(PLACEHOLDER, 'x') : value;
  if (!URL.canParse(sample)) return 'invalid';
  const url = new URL(sample);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not-https';
  if (url.username !== '' || url.password !== '' || url.hostname === '') return 'invalid';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return 'not-https';
  return undefined;
}

/** The origin a valid CRM URL (or template) sends to, e.g. `https://crm.example.com`; undefined when not valid. */
export function crmOrigin(text: string): string | undefined {
  const value = text.trim();
  if (value === '' || crmUrlProblem(value, true)) return undefined;
  return new URL(value.replace(PLACEHOLDER, 'x')).origin;
}

/** A stored or policy value: the trimmed URL when valid, else '' (not set). */
export function normalizeCrmUrl(value: unknown, template = false): string {
  return typeof value === 'string' && !crmUrlProblem(value, template) ? value.trim() : '';
}

/**
 * The host-permission match pattern for an origin (`optional_host_permissions`). Match patterns have no port: the
 * browser grants the host on every port, the narrowest grant it offers.
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
