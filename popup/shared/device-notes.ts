import type { AudioRole } from '../../src/call/choose-device';
import { t } from '../../src/i18n';

/** "The chosen microphone is not connected. Dialable uses the default … until it is back." */
export function missingDeviceNote(role: AudioRole): string {
  return role === 'microphone' ? t('audioMissingMicrophone') : role === 'speaker' ? t('audioMissingSpeaker') : t('audioMissingRinger');
}
