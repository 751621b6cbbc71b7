/** The region of a BCP 47 locale ('en-US' → 'US', 'de' → 'DE' by likely subtags), or undefined. */
export function regionFromLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? region : undefined;
  } catch {
    return undefined;
  }
}
