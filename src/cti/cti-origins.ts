import type { SenderInfo } from '../messaging/protocol';

/**
 * Which web apps may drive Dialable through the CTI page API (`calling.ctiOrigins`, policy key `ctiOrigins`). An
 * entry is an exact origin, `https://host[:port]`; plain `http://` is accepted only for the loopback addresses
 * (`localhost`, 127.0.0.0/8, `[::1]`), where a CRM under development or a test page runs and nothing travels over
 * the network. Anything else (a path, a wildcard, a user name) is refused: the list grants a site the right to
 * place calls, so it says exactly which site.
 */

/** Why a line of the allowed-origins list is refused. */
export type CtiOriginProblem = 'not-an-origin' | 'not-https';

/** The longest origin we keep (a host name is at most 253 characters). */
const MAX_ORIGIN = 300;

const ORIGIN_TEXT = /^https?:\/\/[^/?#@*\s\\]+\/?$/i;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** True for a host that only ever reaches this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname.toLowerCase());
}

/** The origin a line stands for (lower case, default port dropped), or a problem. Surrounding spaces are ignored. */
export function parseCtiOrigin(line: string): { origin: string } | { problem: CtiOriginProblem } {
  const text = line.trim();
  if (text.length === 0 || text.length > MAX_ORIGIN || !URL.canParse(text)) return { problem: 'not-an-origin' };
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'not-an-origin' };
  // Exactly an origin: `https://crm.example.com/` (with the URL parser's own slash) is fine, a path, query, user
  // name or wildcard is not.
  if (!ORIGIN_TEXT.test(text) || url.hostname === '') return { problem: 'not-an-origin' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { problem: 'not-https' };
  return { origin: url.origin };
}

/** The valid origins of a list, without duplicates; invalid entries are dropped (see {@link ctiOriginProblems}). */
export function normalizeCtiOrigins(lines: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const line of lines) {
    if (typeof line !== 'string') continue;
    const parsed = parseCtiOrigin(line);
    if ('origin' in parsed) out.add(parsed.origin);
  }
  return [...out];
}

/** The lines of a typed list that are refused, with the reason (blank lines are skipped). */
export function ctiOriginProblems(lines: readonly string[]): { line: string; problem: CtiOriginProblem }[] {
  return lines
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      const parsed = parseCtiOrigin(line);
      return 'problem' in parsed ? [{ line: line.trim(), problem: parsed.problem }] : [];
    });
}

/**
 * Whether a document at `url` may use the page API: its origin is on the list. `url` is what the browser reports
 * for the document (never what a page says); an opaque origin (sandboxed frame, data:, about:blank) never matches.
 */
export function isCtiAllowed(url: string | undefined, allowed: readonly string[]): boolean {
  if (url === undefined || !URL.canParse(url)) return false;
  const origin = new URL(url).origin;
  return origin !== 'null' && allowed.includes(origin);
}

/**
 * Whether a message sender may use the CTI page API: the tab's top document and the sending frame both have an
 * allowed origin. Only the browser's data about the sender counts (`tab.url`, the frame's URL), never the page's.
 */
export function ctiSenderAllowed(sender: Pick<SenderInfo, 'tabId' | 'tab' | 'frameUrl'>, allowed: readonly string[]): boolean {
  return sender.tabId !== undefined && isCtiAllowed(sender.tab?.url, allowed) && isCtiAllowed(sender.frameUrl, allowed);
}
