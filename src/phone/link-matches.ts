import { findPhoneNumbersWith } from './find-phone-numbers';
import { formatPhone } from './format-phone';
import type { LinkMatch } from './phone-match';
import { t } from '../i18n/t';
import { telHref } from './tel-href';

/**
 * The matching half of linkifying, run in the background (service worker / event page) for the content script:
 * each run text's phone numbers with the link's href and tooltip. Keeping libphonenumber-js and its metadata out of
 * the page means no page pays to load it, and the page's main thread never runs it.
 */
export function findLinkMatches(texts: readonly string[], defaultCountry: string | undefined): LinkMatch[][] {
  return texts.map((text) =>
    findPhoneNumbersWith(text, { defaultCountry }, (m, number) => {
      // The parsed number formats without a second parse, unless it carries an extension (named apart below).
      const formatted = number.ext ? formatPhone(m.e164) : number.formatInternational();
      return {
        ...m,
        href: telHref(m.e164, m.ext),
        title: m.ext === undefined ? t('linkTitle', formatted) : t('linkTitleExt', formatted, m.ext),
      };
    }),
  );
}
