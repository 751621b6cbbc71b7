import { createRouter } from '../src/messaging/create-router';
import { identifySender } from '../src/messaging/identify-sender';
import type { LinkTarget } from './link-registry';
import { selectedText } from './selected-text';

/**
 * Answers our extension's questions about this frame (`tabs.sendMessage`): its selection, for the "call the
 * selected text" shortcut, the site shown in the top frame, for the popup's per-site switch, and the number behind
 * the link the context menu was opened on. Only the focused frame answers for the selection (a hidden frame's
 * selection is not what the user pressed the keys on). Only this extension's own contexts are heard.
 */
export function answerBackground(win: Window, signal: AbortSignal, menuLink: () => LinkTarget | undefined): void {
  const runtime = chrome.runtime;
  const route = createRouter<'content', chrome.runtime.MessageSender>(
    {
      'tab:get-selection': async () => ({ text: selectedText(win.document) }),
      'tab:get-site': async () => ({ host: win.location.hostname }),
      'tab:get-menu-link': async () => menuLink() ?? {},
    },
    (sender) => identifySender(sender, runtime.id, runtime.getURL('')),
  );
  const listener = (message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (reply: unknown) => void): boolean => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'tab:get-selection' && (!holdsFocus(win.document) || selectedText(win.document).trim() === '')) return false;
    if (type === 'tab:get-site' && win !== win.top) return false;
    const reply = route(message, sender);
    if (!reply) return false;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => runtime.onMessage.removeListener(listener));
}

/** True when the focus is in this document itself, not only in one of its child frames. */
function holdsFocus(doc: Document): boolean {
  const active = doc.activeElement;
  return doc.hasFocus() && !(active instanceof HTMLIFrameElement || active instanceof HTMLFrameElement);
}
