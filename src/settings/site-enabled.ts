import type { DetectionSettings } from './defaults';

/** Whether the linkifier should run on a page of this host (exact host or any parent domain disabled). */
export function isSiteEnabled(detection: DetectionSettings, hostname: string): boolean {
  if (!detection.enabled) return false;
  const host = hostname.toLowerCase();
  return !detection.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}
