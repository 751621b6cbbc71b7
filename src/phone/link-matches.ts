import { findPageNumbers } from './find-page-numbers';
import { formatPhone } from './format-phone';
import type { LinkMatch } from './phone-match';
import { currentLanguage, t } from '../i18n/t';
import { telHref } from './tel-href';

let regionNames: { language: string; names: Intl.DisplayNames } | undefined;

/** A country's name in the UI language ('DE' → "Germany" / "Deutschland"). */
function countryName(code: string): string {
  const language = currentLanguage();
  if (regionNames?.language !== language) regionNames = { language, names: new Intl.DisplayNames([language, 'en'], { type: 'region' }) };
  return regionNames.names.of(code) ?? code;
}

/**
 * The matching half of linkifying, run in the background (service worker / event page) for the content script:
 * each run text's phone numbers with the link's href and tooltip. Keeping libphonenumber-js and its metadata out of
 * the page means no page pays to load it, and the page's main thread never runs it.
 *
 * `countries`: the country (or, when the page's signals disagree, the countries) national numbers are read for.
 * A national number's tooltip names the country it was read as, so the reader can tell when a guess was wrong.
 */
export function findLinkMatches(texts: readonly string[], countries: string | readonly string[] | undefined): LinkMatch[][] {
  const list = countries === undefined ? [] : typeof countries === 'string' ? [countries] : countries;
  return texts.map((text) =>
    findPageNumbers(text, list, (m, number, written, country) => {
      // The parsed number formats without a second parse, unless it carries an extension (named apart below).
      const formatted = number.ext ? formatPhone(m.e164) : number.formatInternational();
      const where = written === 'national' ? (number.country ?? country) : undefined;
      const title =
        where === undefined
          ? m.ext === undefined
            ? t('linkTitle', formatted)
            : t('linkTitleExt', formatted, m.ext)
          : m.ext === undefined
            ? t('linkTitleNational', formatted, countryName(where))
            : t('linkTitleExtNational', formatted, m.ext, countryName(where));
      return { ...m, href: telHref(m.e164, m.ext), title };
    }),
  );
}
