import { parseHandlerUri, type LinkCommand } from '../../src/call/handler-uri';
import type { PageDialLimit } from '../../src/call/page-dial-limit';
import { t } from '../../src/i18n/t';
import type { CallAction, HandleLinkReply, SenderInfo } from '../../src/messaging/protocol';
import type { Actions } from './create-actions';

/** The engine action behind each command link. */
const ACTIONS: Record<LinkCommand, CallAction['action']> = { answer: 'answer', hangup: 'hangup', decline: 'decline', hold: 'hold', unhold: 'resume' };

/**
 * The background's half of the protocol handler page (`tel:`, `sip:`, `callto:`, `web+dialable:` links that the
 * browser hands to Dialable from any page, typed address or other add-on). A link in a foreign page is not the
 * user's intent the way a press on the popup's Call is: a dial takes the path of a clicked link on a page — the
 * per-tab limit, and the confirm dialer for a premium number, another country, a foreign SIP server, or any number
 * when the user asked to confirm every call from a page.
 */
export function createLinkHandler(deps: { actions: Pick<Actions, 'dialLink' | 'call'>; pageDialLimit: PageDialLimit }) {
  return async ({ uri }: { uri: string }, sender: SenderInfo): Promise<HandleLinkReply> => {
    const request = parseHandlerUri(uri);
    if (!request) return { outcome: 'refused', message: t('handlerNotALink') };
    if (request.kind === 'command') {
      const reply = await deps.actions.call({ action: ACTIONS[request.command] } as CallAction);
      return reply.ok ? { outcome: 'done', message: t('handlerDone') } : { outcome: 'refused', message: reply.error ?? t('handlerNotALink') };
    }
    // The handler page's tab stands in for the page the link was on (the browser does not say which that was).
    if (!deps.pageDialLimit.allow(sender.tabId ?? -1)) return { outcome: 'refused', message: t('ctiErrorRateLimited') };
    const result = await deps.actions.dialLink(request.target, { url: '', title: '' }, { unsure: false });
    if (result.accepted) return { outcome: 'calling', message: t('handlerCalling') };
    if (result.confirm) return { outcome: 'confirm', message: t('handlerConfirm') };
    return { outcome: 'refused', message: result.reason ?? t('handlerNotALink') };
  };
}
