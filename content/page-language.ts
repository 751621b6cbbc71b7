/** What a language tag may look like on the wire (page:scan's guard checks the same). */
const TAG = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The page's language tag, one of the signals of its country: `<html lang>`, else the `content-language` meta (its
 * first tag). Read once per linkifier, and only when the user left the country on "Automatic".
 */
export function pageLanguage(doc: Document): string | undefined {
  let lang = doc.documentElement?.getAttribute('lang')?.trim();
  if (!lang) lang = doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.split(',')[0]?.trim();
  return lang && TAG.test(lang) ? lang : undefined;
}
