import { countryFromHost } from './country-from-host';
import { regionFromLocale } from './region-from-locale';

/** What a page says about where its national numbers ring, read by the background (no page code runs for it). */
export interface PageSignals {
  /** `<html lang>`, or the `content-language` meta when the page has no lang attribute. */
  lang?: string;
  /** The frame's host, from the browser's data about the sender (never from the page). */
  host?: string;
  /** The main country of the calling code most `+CC` numbers in the texts start with (see dominantCallingCountry). */
  callingCountry?: string;
  /** The browser's UI locale ('en-US'). */
  browserLocale?: string;
}

/** Why a page was read for its countries; the first one signalled is the source. */
export type PageCountrySource = 'lang' | 'domain' | 'numbers' | 'language' | 'browser';

/**
 * The countries a page's national numbers may be read for. One country: its national numbers are read for it.
 * Several: the signals disagree, and a national number is linked only when every one of them that reads it reads
 * the same number (see findPageNumbers): a wrong country would call a stranger, a missing link costs a copy.
 */
export interface PageCountry {
  countries: string[];
  source: PageCountrySource;
}

/**
 * Infers the country of a page's national numbers when the user left the country on "Automatic", in the order of
 * issue 22: the region of the page's language tag (`de-DE`), its host's country-code domain (`.de`, `.co.uk`), the
 * dominant `+CC` of its international numbers, then the browser's region.
 *
 * - Language region and domain disagree (`en-US` on a `.de` shop, the usual CMS default): the dominant `+CC` decides
 *   when it names one of them, else both are read.
 * - Only one of language region and domain, and the page's `+CC` numbers point elsewhere: both are read.
 * - A language without region (`lang="de"`) on a generic domain with no `+CC` number: if it is the browser's own
 *   language, the browser's region (as for any page in the reader's language); otherwise the language's main
 *   country and the browser's region are both read. So a German `.com` page links `030 1234567` as Berlin for a US
 *   reader, while a number that is also a valid US number there is left alone, and an Austrian `01 …` on it is
 *   not linked at all: no signal says Austria.
 */
export function inferPageCountry(signals: PageSignals): PageCountry {
  const langRegion = explicitRegion(signals.lang);
  const domain = signals.host === undefined ? undefined : countryFromHost(signals.host);
  const numbers = signals.callingCountry;
  const browser = regionFromLocale(signals.browserLocale);
  const both = (a: string, b: string | undefined) => (b === undefined || b === a ? [a] : [a, b]);

  if (langRegion && domain && langRegion !== domain) {
    if (numbers === langRegion || numbers === domain) return { countries: [numbers], source: 'numbers' };
    return { countries: [langRegion, domain], source: 'lang' };
  }
  if (langRegion) return { countries: both(langRegion, numbers), source: 'lang' };
  if (domain) return { countries: both(domain, numbers), source: 'domain' };
  if (numbers) return { countries: [numbers], source: 'numbers' };
  const language = languageOf(signals.lang);
  if (language && language !== languageOf(signals.browserLocale)) {
    const main = regionFromLocale(language);
    if (main) return { countries: both(main, browser), source: 'language' };
  }
  return { countries: browser ? [browser] : [], source: 'browser' };
}

/** The region a language tag names itself ('de-AT' → AT), not a likely one: 'de' → undefined, 'es-419' → undefined. */
function explicitRegion(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    const region = new Intl.Locale(tag.trim()).region;
    // en-UK is common and means the United Kingdom, whose ISO code is GB.
    if (region === 'UK') return 'GB';
    return region && /^[A-Z]{2}$/.test(region) ? region : undefined;
  } catch {
    return undefined;
  }
}

function languageOf(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return new Intl.Locale(tag.trim()).language.toLowerCase();
  } catch {
    return undefined;
  }
}
