import type { Handlers } from '../src/messaging/protocol';
import type { Settings } from '../src/settings/defaults';
import type { DialTarget } from './resolve-dial-target';
import { resolveDialTarget } from './resolve-dial-target';
import { regionFromLocale } from '../src/phone/region-from-locale';

export interface HandlerDeps {
  loadSettings(): Promise<Settings>;
  uiLocale: string;
  openDialer(target: DialTarget): Promise<void>;
}

/** Every message's handler; the `Handlers` type makes a missing one a compile error. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'page:dial': async ({ target }) => {
      const settings = await deps.loadSettings();
      const country = settings.detection.defaultCountry || regionFromLocale(deps.uiLocale);
      const resolved = resolveDialTarget(target, country);
      if (!resolved) return { accepted: false, reason: 'That link does not hold a number Dialable can call.' };
      await deps.openDialer(resolved);
      return { accepted: true };
    },
  };
}
