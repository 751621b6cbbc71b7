import type { CallAction, DialResult, EngineCommand, EngineEvent, EngineReply, PageDialFlags, ResolvedTarget } from '../../src/messaging/protocol';
import { regionFromLocale } from '../../src/phone/region-from-locale';
import { selectionNumber } from '../../src/phone/selection-number';
import type { Settings } from '../../src/settings/defaults';
import { resolveDialTarget } from './resolve-dial-target';
import { t } from '../../src/i18n/t';

/** Where engine commands go: Chrome's offscreen document, or (until Firefox has its engine host) a fallback. */
export type SendToEngine = (command: EngineCommand) => Promise<EngineReply>;

export interface ActionDeps {
  loadSettings(): Promise<Settings>;
  uiLocale: string;
  engine: SendToEngine;
  /** Browser chrome for engine events: badge, notifications, the microphone page. */
  onEngineEvent(event: EngineEvent): Promise<void>;
  /**
   * Shows the dialer window with a number (and why it could not be called right away); empty = just the dialer.
   * `confirm`: the confirm dialer — the number waits there until the user presses Call.
   */
  openDialer(target: ResolvedTarget | undefined, reason?: string, confirm?: boolean): Promise<void>;
}

/** Where a call came from (the page of a link, a selection, a shortcut). */
export type CallSource = { url: string; title: string };

/** Why a link or selection cannot be called, in the UI language. */
export const notANumber = (): string => t('notANumber');

/**
 * What the background can do for the user, shared by the message handlers, the context menu, the keyboard
 * shortcuts and the notification buttons, so every way of starting a call takes the same path.
 */
export function createActions(deps: ActionDeps) {
  let browserRegion: { value: string | undefined } | undefined;
  /** The browser language's region: the default country when the user has not chosen one. */
  const localeCountry = (): string | undefined => (browserRegion ??= { value: regionFromLocale(deps.uiLocale) }).value;
  const country = async (): Promise<string | undefined> => {
    const settings = await deps.loadSettings();
    return settings.detection.defaultCountry || localeCountry();
  };

  /** A call the user started outside the popup; when it cannot start, the dialer opens with the number and why. */
  const dialResolved = async (resolved: ResolvedTarget, source: CallSource, page?: PageDialFlags): Promise<DialResult> => {
    const reply = (await deps.engine({ command: 'dial', target: resolved, source, ...(page ? { page } : {}) })) as DialResult;
    if (!reply.accepted) await (reply.confirm ? deps.openDialer(resolved, reply.reason, true) : deps.openDialer(resolved, reply.reason));
    return reply;
  };

  return {
    country,
    localeCountry,
    /** The browser's UI locale ('en-US'), one of the signals of a page's country. */
    uiLocale: deps.uiLocale,
    /**
     * A trusted click (or "Call with Dialable") on a tel:/callto:/sip: link; `target` is page-supplied and re-parsed.
     * `page`: a click on the page itself, which the engine may send to the confirm dialer instead (see PageDialFlags).
     */
    async dialLink(target: string, source: CallSource, page?: PageDialFlags): Promise<DialResult> {
      const resolved = resolveDialTarget(target, await country());
      if (!resolved) return { accepted: false, reason: notANumber() };
      return dialResolved(resolved, source, page);
    },
    /**
     * Selected text (context menu, shortcut): dials only when the text is one phone number. The text comes from a
     * page, so the same numbers as a click's wait in the confirm dialer (a costly number, another country, …).
     */
    async dialSelection(text: string, source: CallSource): Promise<DialResult> {
      const number = selectionNumber(text, await country());
      if (!number) {
        await deps.openDialer(undefined, t('selectNumberFirst'));
        return { accepted: false, reason: notANumber() };
      }
      return dialResolved(toTarget(number), source, { unsure: false });
    },
    /** Opens the dialer with this number filled in, for the user to check and call. */
    async confirm(number: { e164: string; ext?: string }, reason: string): Promise<void> {
      await deps.openDialer(toTarget(number), reason);
    },
    /** A call control (hang up, answer, decline …) on the given call, or on the current one. */
    async call(action: CallAction, callId?: string): Promise<{ ok: boolean; error?: string }> {
      return (await deps.engine({ command: 'call', ...(callId ? { callId } : {}), ...action })) as { ok: boolean; error?: string };
    },
  };
}

export type Actions = ReturnType<typeof createActions>;

function toTarget(number: { e164: string; ext?: string }): ResolvedTarget {
  return number.ext === undefined ? { kind: 'phone', e164: number.e164 } : { kind: 'phone', e164: number.e164, ext: number.ext };
}
