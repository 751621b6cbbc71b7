import { t } from '../i18n/t';
import { retryAfterMs } from './backoff';
import { registrationFailureReason } from './failure-reason';
import type { RegistrationFixField } from './registration-state';

/** What a REGISTER refused with `code` means: stop (wrong credentials) or try again later (and not sooner than asked). */
export type RegisterRejection = { stop: true; message: string; field: RegistrationFixField } | { stop: false; message: string; retryAfterMs: number };

export function registerRejection(code: number, retryAfterHeader: string | undefined): RegisterRejection {
  if (code === 401 || code === 407) return { stop: true, message: registrationFailureReason('auth', { code }), field: 'password' };
  if (code === 403) return { stop: true, message: registrationFailureReason('forbidden'), field: 'username' };
  // 503/500 may say when to come back (RFC 3261 §21.5.4): never sooner.
  const after = code === 503 || code === 500 ? retryAfterMs(retryAfterHeader) : 0;
  const message = after > 0 ? t('registrationServerBusy', code, after / 1000) : registrationFailureReason('other', { code });
  return { stop: false, message, retryAfterMs: after };
}
