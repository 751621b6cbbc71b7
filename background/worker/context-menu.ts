import { crossOriginFrame } from '../../src/messaging/identify-sender';
import type { PageDialFlags } from '../../src/messaging/protocol';
import { sendMessage } from '../../src/messaging/send-message';
import { selectionNumber } from '../../src/phone/selection-number';
import { telHref } from '../../src/phone/tel-href';
import type { Actions } from './create-actions';
import { t } from '../../src/i18n/t';
import { SESSION_KEYS } from '../../src/well-known';

export const MENU_SELECTION = 'call-selection';
export const MENU_LINK = 'call-link';
/** tel:/callto:/sip: links, which includes our own links (`a[data-dialable]` carry `href="tel:+E164"`). */
const LINK_PATTERNS = ['tel:*', 'callto:*', 'sip:*', 'sips:*'];
const LINK_SCHEMES = /^(?:tel|callto|sips?):/i;
/** `storage.session` (not readable by content scripts): what the selection item currently shows. */
export const SHOWN_KEY = SESSION_KEYS.menuSelection;

/** The selection item's state: hidden, or shown with this number and title. */
export type SelectionItem = { visible: false } | { visible: true; e164: string; title: string };

/** What Firefox's `menus.onShown` tells about the menu being opened (Chrome has no such event). */
export interface ShownInfo {
  selectionText?: string;
  linkUrl?: string;
}

/** Chrome's `contextMenus`, or Firefox's `menus`, which adds `onShown` and `refresh` (not in Chrome's types). */
export type Menus = typeof chrome.contextMenus & {
  onShown?: chrome.events.Event<(info: ShownInfo) => void>;
  refresh?: () => Promise<void>;
};

/** Firefox's `menus` (with `onShown`/`refresh`), else Chrome's `contextMenus`. */
export function menus(): Menus {
  return (chrome as { menus?: Menus }).menus ?? chrome.contextMenus;
}

/** Whether the menu can be decided when it opens (Firefox `menus.onShown`); Chrome needs the content script's hint. */
export function decidesOnShown(): boolean {
  return typeof menus().onShown?.addListener === 'function';
}

/**
 * Creates our two items (menus persist across worker restarts, so this runs on install and browser start).
 * The selection item starts hidden and is shown only for a selection that is one phone number. Chrome matches links
 * with `targetUrlPatterns`; Firefox decides both items in `onShown`.
 */
export async function createContextMenus(): Promise<void> {
  const api = menus();
  await api.removeAll();
  const onShown = decidesOnShown();
  api.create({ id: MENU_SELECTION, title: t('menuCallSelection'), contexts: ['selection'], visible: false });
  api.create({
    id: MENU_LINK,
    title: t('menuCallLink'),
    contexts: ['link'],
    ...(onShown ? { visible: false } : { targetUrlPatterns: LINK_PATTERNS }),
  });
}

/** Shows "Call <number>" for a selection that is a number, hides the item otherwise. */
export async function showSelectionMenu(number: { e164: string; label: string } | undefined): Promise<void> {
  const item: SelectionItem = number ? { visible: true, e164: number.e164, title: t('menuCallNumber', number.label) } : { visible: false };
  await chrome.storage.session.set({ [SHOWN_KEY]: item });
  await menus().update(MENU_SELECTION, item.visible ? { visible: true, title: item.title } : { visible: false });
}

/** Firefox: decide both items from what the menu opens on, then redraw the open menu. */
export function createShownHandler(actions: Pick<Actions, 'country'>) {
  return async (info: ShownInfo): Promise<void> => {
    const api = menus();
    const number = info.selectionText ? selectionNumber(info.selectionText, await actions.country()) : undefined;
    await api.update(MENU_LINK, { visible: LINK_SCHEMES.test(info.linkUrl ?? '') });
    await showSelectionMenu(number);
    await api.refresh?.();
  };
}

/**
 * A click on one of our items: a link dials through the same path as a trusted click on it; a selection dials the
 * browser's own `selectionText` (never what a page or content script said), and only when it is the number the item
 * showed — if the page swapped the selection after the menu was drawn, the dialer opens with the number instead.
 */
export function createMenuClickHandler(actions: Actions) {
  return async (info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab): Promise<void> => {
    const source = { url: info.frameUrl ?? info.pageUrl ?? tab?.url ?? '', title: tab?.title ?? '' };
    if (info.menuItemId === MENU_LINK && info.linkUrl && LINK_SCHEMES.test(info.linkUrl)) {
      // Our own link: the number recorded when we made it (as a click dials), not its page-writable href.
      const ours = tab?.id !== undefined ? await recordedLink(tab.id, info.frameId ?? 0) : undefined;
      // The link is on a page, so a costly number, another country or an ad frame's link waits in the confirm dialer,
      // as for a click on it.
      await actions.dialLink(ours ? telHref(ours.e164, ours.ext) : info.linkUrl, source, menuPageFlags(info, tab));
      return;
    }
    if (info.menuItemId !== MENU_SELECTION || !info.selectionText) return;
    const shown = (await chrome.storage.session.get(SHOWN_KEY))[SHOWN_KEY] as SelectionItem | undefined;
    const number = selectionNumber(info.selectionText, await actions.country());
    if (number && (!shown?.visible || number.e164 !== shown.e164)) {
      await actions.confirm(number, t('menuSelectionChanged'));
      return;
    }
    await actions.dialSelection(info.selectionText, source);
  };
}

/** A menu click is the user's own (the browser drew the menu); only the frame the link sits in is in doubt. */
export function menuPageFlags(info: Pick<chrome.contextMenus.OnClickData, 'frameId' | 'frameUrl' | 'pageUrl'>, tab?: { url?: string }): PageDialFlags {
  const frame = info.frameId ? crossOriginFrame({ frameId: info.frameId, url: info.frameUrl ?? '' }, tab?.url ?? info.pageUrl ?? '') : undefined;
  return frame === undefined ? { unsure: false } : { unsure: false, crossOriginFrame: frame };
}

/** The number our content script recorded for the link the menu was opened on, if that link is ours. */
async function recordedLink(tabId: number, frameId: number): Promise<{ e164: string; ext?: string } | undefined> {
  const reply = await sendMessage((m) => chrome.tabs.sendMessage(tabId, m, { frameId }), 'tab:get-menu-link', {}).catch(() => undefined);
  if (!reply || typeof reply.e164 !== 'string' || !/^\+\d{6,15}$/.test(reply.e164)) return undefined;
  return typeof reply.ext === 'string' && /^\d{1,10}$/.test(reply.ext) ? { e164: reply.e164, ext: reply.ext } : { e164: reply.e164 };
}

