import { sendMessage } from '../src/messaging/send-message';
import type { ContentLifetime } from './content-lifetime';
import { selectedText } from './selected-text';

const QUIET_MS = 120;
const MAX_HINT = 80;

/**
 * Chrome has no `contextMenus.onShown`, so the "Call <number>" item must be ready before the user right-clicks:
 * tell the background what is selected whenever it changes (debounced, only short texts with a digit, and only
 * when it differs from the last hint). The background only decides what the menu shows from this; a click dials
 * the browser's own `selectionText`. Firefox decides the menu when it opens and needs no hint.
 */
export function sendSelectionHints(doc: Document, lifetime: ContentLifetime): void {
  if (chrome.runtime.getURL('').startsWith('moz-extension:')) return;
  const { signal } = lifetime;
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (): void => {
    timer = undefined;
    const text = selectedText(doc).trim();
    const hint = text.length <= MAX_HINT && /\d/.test(text) ? text : '';
    if (hint === last || !lifetime.alive()) return;
    last = hint;
    void sendMessage((m) => chrome.runtime.sendMessage(m), 'page:selection', { text: hint }).catch(() => undefined);
  };
  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(send, QUIET_MS);
  };
  doc.addEventListener('selectionchange', schedule, { signal });
  // A right-click can land on a selection made in another tab: refresh at once on the way to the menu.
  doc.addEventListener('contextmenu', send, { signal, capture: true });
  signal.addEventListener('abort', () => clearTimeout(timer));
}
