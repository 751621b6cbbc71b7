import type { EngineCommand, EngineEvent, EngineReply, HandlersFor, Reply, ResolvedTarget } from '../src/messaging/protocol';
import { regionFromLocale } from '../src/phone/region-from-locale';
import { validateAccount } from '../src/settings/account';
import type { Settings } from '../src/settings/defaults';
import { resolveDialTarget } from './resolve-dial-target';

/** Where engine commands go: Chrome's offscreen document or Firefox's phone window (see engine-channel.ts). */
export type SendToEngine = (command: EngineCommand) => Promise<EngineReply>;

export interface HandlerDeps {
  loadSettings(): Promise<Settings>;
  uiLocale: string;
  engine: SendToEngine;
  /** Browser chrome for engine events: badge, notifications, the microphone page. */
  onEngineEvent(event: EngineEvent): Promise<void>;
  /** Shows the dialer window with a number (and why it could not be called right away). */
  openDialer(target: ResolvedTarget, reason?: string): Promise<void>;
}

const NOT_A_NUMBER = 'That is not a number Dialable can call. Check it, or type a full number with its country code (+44 …).';

/** Every background message's handler; `HandlersFor<'background'>` makes a missing one a compile error. */
export function createHandlers(deps: HandlerDeps): HandlersFor<'background'> {
  const country = async () => {
    const settings = await deps.loadSettings();
    return settings.detection.defaultCountry || regionFromLocale(deps.uiLocale);
  };
  const ask = <T>(command: EngineCommand) => deps.engine(command) as Promise<T>;
  return {
    'page:dial': async ({ target, source }) => {
      const resolved = resolveDialTarget(target, await country());
      if (!resolved) return { accepted: false, reason: NOT_A_NUMBER };
      const reply = await ask<Reply<'page:dial'>>({ command: 'dial', target: resolved, source });
      // The click came from a page: when the call cannot start (no account yet, offline, …) the user still needs
      // to see the number and the reason, so open the dialer with both.
      if (!reply.accepted) await deps.openDialer(resolved, reply.reason);
      return reply;
    },
    'ui:dial': async ({ target }) => {
      const resolved = resolveDialTarget(target, await country(), true);
      if (!resolved) return { accepted: false, reason: NOT_A_NUMBER };
      return ask<Reply<'ui:dial'>>({ command: 'dial', target: resolved });
    },
    'ui:call': async (payload) => ask<Reply<'ui:call'>>({ command: 'call', ...payload }),
    'ui:save-account': async ({ account }) => {
      const errors = Object.values(validateAccount(account));
      if (errors.length > 0) return { registered: false, message: errors.join(' ') };
      return ask<Reply<'ui:save-account'>>({ command: 'save-account', account });
    },
    'ui:get-account': async () => ask<Reply<'ui:get-account'>>({ command: 'get-account' }),
    'ui:ensure-engine': async () => ask<Reply<'ui:ensure-engine'>>({ command: 'ping' }),
    'ui:clear-history': async () => ask<Reply<'ui:clear-history'>>({ command: 'clear-history' }),
    'ui:seen': async () => ask<Reply<'ui:seen'>>({ command: 'seen' }),
    'engine:event': async (event) => {
      await deps.onEngineEvent(event);
      return { ok: true };
    },
  };
}
