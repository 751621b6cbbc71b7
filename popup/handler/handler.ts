import { localizeDocument } from '../../src/i18n/localize-document';
import { t } from '../../src/i18n';
import { sendMessage } from '../../src/messaging/send-message';

/**
 * The page the browser opens for a `tel:`, `sip:` or `web+dialable:` link it hands to Dialable (manifest
 * `protocol_handlers`, `?uri=%s`). It only passes the link to the background, which dials through the page-call
 * confirm rules, and says what happened; when the browser opened it in the tab of the page with the link, it goes
 * back to that page.
 */
localizeDocument(document, 'handlerTitle');

const uri = new URLSearchParams(location.search).get('uri') ?? '';
const status = document.querySelector<HTMLElement>('[data-testid=handler-status]')!;
const back = document.querySelector<HTMLButtonElement>('[data-testid=handler-back]')!;
document.querySelector('[data-testid=handler-uri] code')!.textContent = uri;

/** Long enough to read the sentence; the call goes on meanwhile. */
const BACK_AFTER_MS = 2_000;

void sendMessage((m) => chrome.runtime.sendMessage(m), 'ui:handle-link', { uri })
  .then((reply) => {
    status.textContent = reply.message ?? '';
    status.dataset.outcome = reply.outcome;
    if (history.length > 1) {
      back.hidden = false;
      back.addEventListener('click', () => history.back());
      if (reply.outcome === 'calling' || reply.outcome === 'done') setTimeout(() => history.back(), BACK_AFTER_MS);
    }
  })
  .catch(() => {
    status.textContent = t('handlerNotALink');
    status.dataset.outcome = 'refused';
  });
