import type { DetectionSettings } from './defaults';
import { normalizeHost } from './validate-settings';

/**
 * The popup's per-site switch: turning a site off adds its host to the disabled list; turning it on removes the
 * host and any listed parent domain that would still switch it off (a sub-domain of a disabled site otherwise
 * stays off whatever the switch says).
 */
export function setSiteEnabled(detection: DetectionSettings, hostname: string, enabled: boolean): DetectionSettings {
  const host = normalizeHost(hostname);
  if (!host) return detection;
  const covers = (site: string) => host === site || host.endsWith(`.${site}`);
  const disabledSites = enabled ? detection.disabledSites.filter((site) => !covers(site)) : [...new Set([...detection.disabledSites, host])];
  return { ...detection, disabledSites };
}
