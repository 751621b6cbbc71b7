import { t } from '../../src/i18n';

/**
 * What to do when the microphone is blocked, for the browser this page runs in (an extension page: the lock icon
 * of a web site's address bar is not where users look for it). The system-level block applies to both.
 */
export function MicrophoneBlockedHelp() {
  const firefox = location.protocol === 'moz-extension:';
  return (
    <div class="note" data-testid="microphone-blocked-help">
      <p>{t(firefox ? 'welcomeMicBlockedFirefox' : 'welcomeMicBlockedChrome')}</p>
      <p>{t('welcomeMicBlockedSystem')}</p>
    </div>
  );
}
