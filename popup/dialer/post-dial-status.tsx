import type { CallSnapshot } from '../../src/call/engine-snapshot';
import { t } from '../../src/i18n/t';

/**
 * The extension or post-dial digits a call is sending ("Dialling extension 204"), and the Send button for digits
 * after a `;` that wait for the user (a conference PIN asked for after a greeting of unknown length).
 */
export function PostDialStatus({ call, onSend }: { call: CallSnapshot | undefined; onSend: () => void }) {
  const status = call?.postDial;
  if (!status) return null;
  return (
    <div class="row" aria-live="polite">
      <p data-testid="post-dial" class="note grow">
        {status.waiting ? t('dialerDigitsWaiting', status.digits) : status.extension ? t('dialerDiallingExtension', status.digits) : t('dialerSendingDigits', status.digits)}
      </p>
      {status.waiting && (
        <button data-testid="send-digits" type="button" class="good" onClick={onSend}>
          {t('dialerSendDigits', status.digits)}
        </button>
      )}
    </div>
  );
}
