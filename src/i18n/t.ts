import { MESSAGES, type Language } from './messages';
import type en from './message-keys';

/** A key present in the English dictionaries (checked by the compiler through `message-keys.ts`). */
export type MessageKey = keyof typeof en;

let language: Language = pickLanguage(uiLanguage());

/**
 * The translated message for `key`, with `$1`…`$9` replaced by `subs`. Falls back to English, then to the key, so a
 * missing translation is visible but never breaks a page.
 */
export function t(key: MessageKey, ...subs: (string | number | undefined)[]): string {
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

/**
 * The browser's choice among our `_locales`: the `i18nLanguage` message ("en", "de") is read through
 * `i18n.getMessage`, so t() speaks the language the manifest strings are shown in. This also holds where
 * `getUILanguage()` lags behind (Debian's Chromium without its `chromium-l10n` packs reports `en-US` for
 * `--lang=de` while it picks our German messages). Pages without the i18n API (Chrome's offscreen document) are
 * told the language in their URL (`?lang=de`, see `setLanguage`); the last resort is `navigator.language`.
 */
function uiLanguage(): string | undefined {
  const api = (globalThis as { chrome?: { i18n?: { getMessage?: (key: string) => string; getUILanguage?: () => string } } }).chrome?.i18n;
  try {
    return api?.getMessage?.('i18nLanguage') || api?.getUILanguage?.() || globalThis.navigator?.language;
  } catch {
    return globalThis.navigator?.language;
  }
}
