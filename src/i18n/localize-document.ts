import { currentLanguage, t, type MessageKey } from './t';

/**
 * Start-up of one of our HTML pages: `<html lang>` becomes the UI language, the title and every element with a
 * `data-i18n` attribute (a message key) get their text from {@link t} (pages whose markup is static, such as the phone window).
 */
export function localizeDocument(doc: Document, titleKey: MessageKey): void {
  doc.documentElement.lang = currentLanguage();
  doc.title = t(titleKey);
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
}
