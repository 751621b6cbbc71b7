import { t } from '../../src/i18n/t';
import type { CallLogRecord } from '../../src/crm/call-record';
import { crmOrigin } from '../../src/crm/crm-url';
import { secretStore } from '../../src/settings/secret-store';
import { SECRET_KEYS } from '../../src/well-known';

/** The shared secret as stored by the options page: with the origin it was entered for. */
export interface StoredCallLogSecret {
  origin: string;
  secret: string;
}

/** Whether the user granted Dialable the host permission for this origin (asked by the background). */
export type MayReach = (origin: string) => Promise<boolean>;

/** The header that carries the shared secret (docs/crm.md). */
export const SECRET_HEADER = 'X-Dialable-Secret';
/** A receiver that takes longer than this counts as down (the record is tried again later). */
const TIMEOUT_MS = 15_000;

/**
 * POSTs one record to the call-log webhook. The secret goes only to the origin it was entered for: a URL changed
 * since (by an imported settings file, say) gets the record without it, and the receiver can refuse it, rather
 * than Dialable handing the secret to a server the user never gave it to. No cookies, no redirects (a redirect
 * would carry the secret header elsewhere), no referrer.
 */
export async function sendCallRecord(url: string, record: CallLogRecord, mayReach: MayReach): Promise<void> {
  const origin = crmOrigin(url);
  if (!origin) throw new Error(t('callLogErrorUrl'));
  // The browser lets the engine reach any site the content script may run on, so its reach is no consent: only the
  // host permission the user granted for this one origin (or the administrator's policy) is.
  if (!(await mayReach(origin).catch(() => false))) throw new Error(t('callLogErrorPermission', origin));
  const stored = await secretStore.get<StoredCallLogSecret>(SECRET_KEYS.callLogSecret).catch(() => undefined);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (stored && stored.origin === origin && stored.secret !== '') headers[SECRET_HEADER] = stored.secret;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(record),
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new Error(t('callLogErrorNetwork', origin));
  }
  if (!response.ok) throw new Error(t('callLogErrorStatus', origin, String(response.status)));
}
