import { dominantCallingCountry } from './calling-code-country';
import { inferPageCountry } from './infer-page-country';

/**
 * The countries to read a batch of a page's texts for when the user's country is "Automatic" (see
 * inferPageCountry). `frameUrl` comes from the browser's data about the sender; `lang` from the page. The `+CC`
 * numbers counted are those of the texts matched together: the numbers in view first, then each later batch.
 */
export function pageCountries(texts: readonly string[], lang: string | undefined, frameUrl: string | undefined, browserLocale: string | undefined): string[] {
  return inferPageCountry({
    lang,
    host: hostOf(frameUrl),
    callingCountry: dominantCallingCountry(texts),
    browserLocale,
  }).countries;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}
