import { t } from '../i18n/t';

/** A getUserMedia failure in words that say what to do. */
export function describeMediaError(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || /Permission/i.test(String(error))) {
    return t('callMicrophoneNotAllowed');
  }
  if (name === 'NotFoundError') return t('callNoMicrophone');
  return t('callCouldNotStart', error instanceof Error ? error.message : String(error));
}
