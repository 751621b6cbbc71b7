import { pageCallConcern, usualCountries } from '../../src/call/page-call-concern';
import type { HistoryEntry } from '../../src/call/engine-snapshot';
import type { PageDialFlags, ResolvedTarget } from '../../src/messaging/protocol';
import { regionFromLocale } from '../../src/phone/region-from-locale';
import type { Settings } from '../../src/settings/defaults';

/**
 * Why a call a page started must be confirmed first, from what the engine knows: the settings (default country,
 * "confirm every call"), the history (countries called before) and the account's domain.
 */
export function concernFor(target: ResolvedTarget, page: PageDialFlags, known: { settings: Settings; history: HistoryEntry[]; domain: string | undefined }): string | undefined {
  const home = known.settings.detection.defaultCountry || regionFromLocale(navigator.language);
  const called = known.history.filter((e) => e.direction === 'outgoing').map((e) => e.number);
  return pageCallConcern(target, {
    usualCountries: usualCountries(home, called),
    accountDomain: known.domain,
    ...(page.crossOriginFrame !== undefined ? { crossOriginFrame: page.crossOriginFrame } : {}),
    unsure: page.unsure,
    confirmAll: known.settings.calling.confirmPageCalls,
  });
}
