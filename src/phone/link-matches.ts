import { findPhoneNumbers } from './find-phone-numbers';
import { formatPhone } from './format-phone';
import type { LinkMatch } from './phone-match';
import { telHref } from './tel-href';

/**
 * The matching half of linkifying, run in the background (service worker / event page) for the content script:
 * each run text's phone numbers with the link's href and tooltip. Keeping libphonenumber-js and its metadata out of
 * the page means no page pays to load it, and the page's main thread never runs it.
 */
export function findLinkMatches(texts: readonly string[], defaultCountry: string | undefined): LinkMatch[][] {
  return texts.map((text) =>
    findPhoneNumbers(text, { defaultCountry }).map((m) => ({
      ...m,
      href: telHref(m.e164, m.ext),
      title: `Call ${formatPhone(m.e164)}${m.ext === undefined ? '' : ` ext. ${m.ext}`} with Dialable`,
    })),
  );
}
