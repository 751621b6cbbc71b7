import { MESSAGES, type Language } from './messages';
import type en from './message-keys';

/** A key present in the English dictionaries (checked by the compiler through `message-keys.ts`). */
export type MessageKey = keyof typeof en;

let language: Language = pickLanguage(uiLanguage());

/**
 * The translated message for `key`, with `$1`…`$9` replaced by `subs`. Falls back to English, then to the key, so a
 * missing translation is visible but never breaks a page.
 */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const entry = MESSAGES[language][key] ?? MESSAGES.en[key];
  if (!entry) return key;
  return entry.message.replace(/\$([1-9])/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/** The language in use (a supported language derived from the browser UI locale). */
export function currentLanguage(): Language {
  return language;
}

/** Choose the language explicitly (tests; a page that knows better than the browser). */
export function setLanguage(locale: string): void {
  language = pickLanguage(locale);
}

/** The best supported language for a BCP 47 locale: `de-AT` → `de`, anything unknown → `en`. */
export function pickLanguage(locale: string | undefined): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'de' ? 'de' : 'en';
}

function uiLanguage(): string | undefined {
  const api = (globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } } }).chrome?.i18n;
  try {
    return api?.getUILanguage?.() ?? globalThis.navigator?.language;
  } catch {
    return globalThis.navigator?.language;
  }
}
