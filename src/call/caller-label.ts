/** Longest caller name, user part or domain shown anywhere (notification, popup, history, badge tooltip). */
export const CALLER_TEXT_MAX = 64;
/** Combining marks kept after one base character: enough for every real script, not for a "zalgo" tower. */
const MAX_MARKS = 4;

const WHITESPACE = /\s+/gu;
/**
 * Controls (Cc), format characters (Cf: the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069,
 * the marks U+200E/U+200F/U+061C, zero-width characters, tag characters) and lone surrogate halves (Cs). A caller
 * chooses these freely in the SIP From header; shown as they are, they reverse or hide what the user reads
 * ("‮moc.knab" reads as "bank.com").
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
const MARK_TOWER = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

/**
 * Text from a SIP peer made safe to show: whitespace runs become one space, invisible and direction-changing
 * characters go, and it is cut to `max` characters (code points, never half a surrogate pair) with an ellipsis.
 */
export function cleanCallerText(text: string, max = CALLER_TEXT_MAX): string {
  const clean = text.replace(WHITESPACE, ' ').replace(INVISIBLE, '').replace(MARK_TOWER, '$1').replace(/ {2,}/g, ' ').trim();
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** What a SIP request says about the caller (sip.js `remoteIdentity`: its display name and URI parts). */
export interface RemoteIdentity {
  displayName?: string;
  uri: { user?: string; host?: string; toString(): string };
}

/** Who is calling, as every view shows it: the number (or SIP user) and a name. */
export interface CallerLabel {
  number: string;
  displayName?: string;
}

/**
 * The caller as shown to the user, made once where a call arrives so that every view gets the same clean text.
 * A caller at another domain than the account's is named with that domain ("Alice (evil.example)"): the name alone
 * is whatever the caller typed, the domain is where the call really came from.
 */
export function callerLabel(remote: RemoteIdentity, accountDomain: string): CallerLabel {
  const number = cleanCallerText(remote.uri.user ?? remote.uri.toString()) || '?';
  const name = cleanCallerText(remote.displayName ?? '');
  const host = cleanCallerText(remote.uri.host ?? '').toLowerCase();
  const foreign = host !== '' && host !== accountDomain.trim().toLowerCase();
  if (!foreign) return name ? { number, displayName: name } : { number };
  return { number, displayName: `${name || number} (${host})` };
}
