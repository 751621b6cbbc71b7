import type { EngineCommand, HandlersFor, Reply } from '../../src/messaging/protocol';
import { onePerPayer, ScanBudget } from '../../src/messaging/scan-budget';
import { matchInSlices, type SliceClock } from '../../src/phone/match-in-slices';
import { packMatches } from '../../src/phone/packed-matches';
import { pageCountries } from '../../src/phone/page-countries';
import { validateAccount } from '../../src/settings/account';
import { effectiveAccount, type ManagedSettings } from '../../src/settings/managed';
import type { PageDialLimit } from '../../src/call/page-dial-limit';
import { logger } from '../../src/logger';
import { resolveDialTarget } from './resolve-dial-target';
import { notANumber, type ActionDeps, type Actions } from './create-actions';

export interface HandlerDeps extends Pick<ActionDeps, 'engine' | 'onEngineEvent'> {
  actions: Actions;
  /** The page's selection changed (Chrome): show or hide the "Call <number>" menu item. */
  onSelection(text: string, tabId: number | undefined): Promise<void>;
  /** True for a tab that has been closed (its queued scan batches are dropped). */
  isClosedTab(tabId: number | undefined): boolean;
  /** The per-tab limit on calls started from pages. */
  pageDialLimit: PageDialLimit;
  /** What the dialer window with this request id was opened for (the background keeps it, not the address). */
  dialerRequest(id: string): Promise<{ reason?: string; confirm?: boolean } | undefined>;
  /** The administrator's values (browser policy): they win over what a page (options, import, welcome) sends. */
  loadManaged?(): Promise<ManagedSettings>;
  /** The protocol handler page's links (see handle-link.ts). */
  handleLink: HandlersFor<'background'>['ui:handle-link'];
  /** The CTI page API's commands (see cti-commands.ts). */
  cti: HandlersFor<'background'>['page:cti'];
  /** Whether the call-log webhook may send to this origin (see may-send-to.ts). */
  maySendTo: HandlersFor<'background'>['engine:may-send'];
  /** Per-tab `page:scan` budget (tests inject one with their own clock). */
  scanBudget?: ScanBudget;
}

/**
 * Matching pauses this often: a hang-up, an answer or another tab's batch waits at most about this long (plus one
 * piece, see MATCH_PIECE) behind a page's text.
 */
const SCAN_CLOCK: SliceClock = {
  now: () => performance.now(),
  pause: () => new Promise((resume) => setTimeout(resume, 0)),
  sliceMs: 8,
};

/** Every background message's handler; `HandlersFor<'background'>` makes a missing one a compile error. */
export function createHandlers(deps: HandlerDeps): HandlersFor<'background'> {
  const { actions } = deps;
  const ask = <T>(command: EngineCommand) => deps.engine(command) as Promise<T>;
  const scanBudget = deps.scanBudget ?? new ScanBudget(() => Date.now());
  const scanTurn = onePerPayer();
  return {
    // The click came from a page: when the call cannot start (no account yet, offline, …) the user still needs
    // to see the number and the reason, so the dialer opens with both. A tab that dials too often is ignored.
    'page:dial': async ({ target, unsure }, sender) => {
      if (sender.tabId === undefined || !deps.pageDialLimit.allow(sender.tabId)) {
        logger.warn(`Dropped a call request from tab ${String(sender.tabId)}: too many in a short time (${deps.pageDialLimit.dropped} dropped so far)`);
        return { accepted: false };
      }
      const source = { url: sender.tab?.url ?? sender.frameUrl ?? '', title: sender.tab?.title ?? '' };
      const frame = sender.crossOriginFrame;
      return actions.dialLink(target, source, { unsure: unsure === true, ...(frame !== undefined ? { crossOriginFrame: frame } : {}) });
    },
    'page:cti': deps.cti,
    'ui:handle-link': deps.handleLink,
    'ui:dialer-request': async ({ id }) => (await deps.dialerRequest(id)) ?? {},
    'page:selection': async ({ text }, sender) => {
      await deps.onSelection(text, sender.tabId);
      return { ok: true };
    },
    'page:scan': async ({ texts, country, lang }, sender) => {
      // Bounded per tab, not only per message: a budget of characters per minute (charged on arrival, so waiting
      // batches count), one batch matched at a time, and pauses while matching (see SCAN_CLOCK).
      const payer = sender.tabId ?? sender.frameUrl ?? '';
      const retryAfterMs = scanBudget.take(payer, texts.reduce((sum, text) => sum + text.length, 0));
      if (retryAfterMs > 0) return { packed: [], retryAfterMs };
      return scanTurn(payer, async () => {
        // Let events queued behind this batch run first: a tab closed meanwhile need not be matched for.
        await SCAN_CLOCK.pause();
        if (deps.isClosedTab(sender.tabId)) {
          scanBudget.forget(payer);
          return { packed: [] };
        }
        // A page sends the user's country when one is set; otherwise the page's own signals decide (pageCountries).
        const countries = country ?? pageCountries(texts, lang, sender.frameUrl, actions.uiLocale);
        return { packed: packMatches(await matchInSlices(texts, countries, SCAN_CLOCK)) };
      });
    },
    'ui:dial': async ({ target }) => {
      const resolved = resolveDialTarget(target, await actions.country(), true);
      if (!resolved) return { accepted: false, reason: notANumber() };
      return ask<Reply<'ui:dial'>>({ command: 'dial', target: resolved });
    },
    'ui:call': async (payload) => ask<Reply<'ui:call'>>({ command: 'call', ...payload }),
    'ui:save-account': async ({ account: typed }) => {
      const account = effectiveAccount(typed, (await deps.loadManaged?.()) ?? {});
      const errors = Object.values(validateAccount(account));
      if (errors.length > 0) return { registered: false, message: errors.join(' ') };
      return ask<Reply<'ui:save-account'>>({ command: 'save-account', account });
    },
    'ui:get-account': async () => ask<Reply<'ui:get-account'>>({ command: 'get-account' }),
    'ui:export-account': async ({ includePassword }) => ask<Reply<'ui:export-account'>>({ command: 'export-account', includePassword }),
    'ui:ensure-engine': async () => ask<Reply<'ui:ensure-engine'>>({ command: 'ping' }),
    'ui:clear-history': async () => ask<Reply<'ui:clear-history'>>({ command: 'clear-history' }),
    'ui:seen': async () => ask<Reply<'ui:seen'>>({ command: 'seen' }),
    'ui:sign-out': async ({ signedOut }) => ask<Reply<'ui:sign-out'>>({ command: 'sign-out', signedOut: signedOut === true }),
    'engine:event': async (event) => {
      await deps.onEngineEvent(event);
      return { ok: true };
    },
    'engine:may-send': deps.maySendTo,
  };
}
