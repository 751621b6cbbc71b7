/**
 * Every user-visible string, per language, merged from one JSON file per area (`messages/<lang>/<area>.json`, the
 * `_locales` format). The build writes the merged files to `_locales/<lang>/messages.json` (manifest `__MSG_*__`,
 * `i18n.getMessage`); {@link t} reads the same dictionaries, so documents without the i18n API (the offscreen
 * document, unit tests) speak the same language.
 */
const files = import.meta.glob<Record<string, LocaleMessage>>('./messages/*/*.json', { eager: true, import: 'default' });

/** One entry of a `_locales/<lang>/messages.json` file. `$1`…`$9` in `message` are replaced by substitutions. */
export interface LocaleMessage {
  message: string;
  description?: string;
}

/** The languages Dialable ships; English is the default and the fallback for missing keys. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Merged dictionaries: language → key → message. */
export const MESSAGES: Record<Language, Record<string, LocaleMessage>> = merge();

function merge(): Record<Language, Record<string, LocaleMessage>> {
  const out = { en: {}, de: {} } as Record<Language, Record<string, LocaleMessage>>;
  for (const [path, entries] of Object.entries(files)) {
    const lang = path.split('/')[2] as Language;
    if (!(lang in out)) continue;
    for (const [key, value] of Object.entries(entries)) {
      if (key in out[lang]) throw new Error(`i18n: "${key}" is defined twice for ${lang} (${path})`);
      out[lang][key] = value;
    }
  }
  return out;
}
