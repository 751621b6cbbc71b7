import { t } from '../i18n/t';

/** Why a call did not happen or ended, in words for the user, from a SIP status code (RFC 3261 §21). */
export function callFailureReason(statusCode: number | undefined): string {
  switch (statusCode) {
    case undefined:
      return t('callFailedConnectionLost');
    case 486:
    case 600:
      return t('callFailedBusy');
    case 404:
    case 604:
      return t('callFailedNotFound');
    case 603:
      return t('callFailedDeclined');
    case 480:
      return t('callFailedUnavailable');
    case 408:
      return t('callFailedTimeout');
    case 487:
      return t('callCancelled');
    case 401:
    case 407:
      return t('callFailedAuth');
    case 403:
      return t('callFailedForbidden');
    case 484:
      return t('callFailedIncomplete');
    case 488:
    case 606:
      return t('callFailedMedia');
    case 503:
      return t('callFailedServerUnavailable');
    default:
      return t('callFailedCode', statusCode);
  }
}

/** Why registration failed, in words that say what to do. */
export function registrationFailureReason(kind: 'auth' | 'forbidden' | 'unreachable' | 'timeout' | 'other', detail: { server?: string; code?: number } = {}): string {
  switch (kind) {
    case 'auth':
      return t('registrationAuth', detail.code ?? 401);
    case 'forbidden':
      return t('registrationForbidden');
    case 'unreachable':
      return t('registrationUnreachable', detail.server ?? t('registrationTheServer'));
    case 'timeout':
      return t('registrationTimeout');
    default:
      return detail.code ? t('registrationFailedCode', detail.code) : t('registrationFailed');
  }
}
