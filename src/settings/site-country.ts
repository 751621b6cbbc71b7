import type { DetectionSettings } from './defaults';

/**
 * The country national numbers are read for on a page of this host: the per-site choice (exact host or the
 * nearest listed parent domain), else the default country; '' means "Automatic" (the page's own signals).
 */
export function siteCountry(detection: Pick<DetectionSettings, 'defaultCountry' | 'siteCountries'>, hostname: string): string {
  let host = hostname.toLowerCase();
  for (;;) {
    const chosen = detection.siteCountries[host];
    if (chosen) return chosen;
    const dot = host.indexOf('.');
    if (dot < 0) return detection.defaultCountry;
    host = host.slice(dot + 1);
  }
}

/** The detection settings with `country` chosen for `host` ('' removes the choice: the site follows the default). */
export function setSiteCountry(detection: DetectionSettings, host: string, country: string): DetectionSettings {
  const siteCountries = { ...detection.siteCountries };
  if (country === '') delete siteCountries[host];
  else siteCountries[host] = country;
  return { ...detection, siteCountries };
}
