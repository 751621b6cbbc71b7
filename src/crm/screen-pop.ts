import { crmUrlProblem } from './crm-url';

/** What a screen-pop template can name. Every value is hostile input: it comes from the caller's SIP headers. */
export interface ScreenPopValues {
  /** The number in E.164 (`+4930…`), '' when the caller sent none (a SIP user without digits). */
  e164: string;
  /** The number or SIP user as shown. */
  number: string;
  /** The caller's display name, '' when none. */
  name: string;
  direction: 'incoming' | 'outgoing';
}

export const SCREEN_POP_PLACEHOLDERS = ['e164', 'number', 'name', 'direction'] as const;

/** A value longer than this is cut: no CRM search needs it, and a 10 KB name must not make a 10 KB address. */
const MAX_VALUE = 256;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * One value as it goes into the URL: cut, lone surrogates replaced (encodeURIComponent throws on them) and
 * percent-encoded, including the characters encodeURIComponent leaves (`!'()*`), so a value can never end the
 * query, start a fragment, add a path segment or close a quote in the CRM's own page.
 */
export function encodeScreenPopValue(value: string): string {
  const cut = [...value].slice(0, MAX_VALUE).join('').replace(LONE_SURROGATE, '\uFFFD');
  return encodeURIComponent(cut).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The address a screen-pop opens, or undefined when the template is not valid or the result would not stay where
 * the template points. Placeholders `{e164}`, `{number}`, `{name}`, `{direction}` are replaced by encoded values;
 * anything else in braces is left as written. Beyond the encoding, the result is checked against the template: the
 * same origin, and as many path segments (a value of `..` or `.` would otherwise remove one: the URL parser treats
 * `%2E%2E` as `..` too).
 */
export function expandScreenPop(template: string, values: ScreenPopValues): string | undefined {
  const text = template.trim();
  if (text === '' || crmUrlProblem(text, true)) return undefined;
  const fill = (pick: (key: keyof ScreenPopValues) => string) =>
    text.replace(/\{(e164|number|name|direction)\}/g, (_, key: keyof ScreenPopValues) => pick(key));
  const expected = new URL(fill(() => 'x'));
  const expanded = fill((key) => encodeScreenPopValue(values[key]));
  if (!URL.canParse(expanded)) return undefined;
  const url = new URL(expanded);
  if (url.origin !== expected.origin || url.pathname.split('/').length !== expected.pathname.split('/').length) return undefined;
  return url.href;
}
