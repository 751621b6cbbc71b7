import { isConfigured, type Account } from '../../src/settings/account';
import { t } from '../../src/i18n';
import { logger } from '../../src/logger';
import { secretStore } from '../../src/settings/secret-store';
import { PAGES, SECRET_KEYS } from '../../src/well-known';

/** Firefox's engine host: an extension-owned window (see the README's Architecture section for why a window). */
export const PHONE_PAGE = PAGES.phone;
/** The key the engine stores the account under (background/engine/engine.ts). */
export const ACCOUNT_KEY = SECRET_KEYS.account;

let opening: Promise<void> | undefined;

/** Whether the phone window is open (any wake-up of the event page asks again: its memory does not survive). */
async function phoneIsOpen(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: ['TAB' as chrome.runtime.ContextType],
    documentUrls: [chrome.runtime.getURL(PHONE_PAGE)],
  });
  return contexts.length > 0;
}

/**
 * Opens the phone window unless it is open: minimized, so it stays out of the way until a call needs it in front
 * (the phone page raises itself to take the microphone and minimizes itself again after the call).
 * One in-flight promise, so two messages in the same wake-up never open two windows.
 */
export async function ensurePhoneWindow(): Promise<void> {
  if (await phoneIsOpen()) return;
  opening ??= chrome.windows
    .create({ url: chrome.runtime.getURL(PHONE_PAGE), type: 'popup', state: 'minimized' })
    .then(() => undefined)
    .finally(() => {
      opening = undefined;
    });
  await opening;
}

/** Browser start and install: registration must be up without the user opening anything, once an account exists. */
export async function startPhoneIfConfigured(): Promise<void> {
  const account = await secretStore.get<Account>(ACCOUNT_KEY);
  if (account && isConfigured(account)) await ensurePhoneWindow();
}

/** `storage.session` key under which the phone window in `windowId` keeps the Contact it registered with. */
export function phoneContactKey(windowId: number): string {
  return `phone-contact:${windowId}`;
}

/** The message background/worker/phone-release.ts posts to the event page when it is done. */
export const PHONE_RELEASED = 'dialable:phone-released';
/** Page that removes a closed phone window's binding (loaded in a frame, see {@link phoneWindowRemoved}). */
const RELEASE_PAGE = PAGES.phoneRelease;
const RELEASE_WAIT_MS = 15_000;

/**
 * A window closed. If it was a phone window that registered, remove its binding at the registrar (the window cannot
 * say goodbye itself: a REGISTER sent while it unloads would meet a digest challenge it can no longer answer), so
 * calls to the account are not routed into a dead WebSocket until the binding expires. That takes sip.js, which the
 * event page does not load: a frame of ours does it. Then the toolbar says that Dialable is off.
 */
export async function phoneWindowRemoved(windowId: number): Promise<void> {
  const key = phoneContactKey(windowId);
  if ((await chrome.storage.session.get(key))[key]) {
    const ok = await releaseInFrame(windowId);
    if (!ok) logger.warn('The closed phone window\'s registration could not be removed; it expires at the server');
  }
  await noticePhoneWindowClosed();
}

function releaseInFrame(windowId: number): Promise<boolean> {
  const frame = document.createElement('iframe');
  frame.src = chrome.runtime.getURL(`${RELEASE_PAGE}?window=${windowId}`);
  return new Promise<boolean>((resolve) => {
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      frame.remove();
      resolve(ok);
    };
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; windowId?: number; ok?: boolean } | null;
      if (event.source === frame.contentWindow && data?.type === PHONE_RELEASED && data.windowId === windowId) finish(data.ok === true);
    };
    const timer = setTimeout(() => finish(false), RELEASE_WAIT_MS);
    addEventListener('message', onMessage);
    document.body.append(frame);
  });
}

/**
 * A window closed: if it was the phone window (the user closed it), nothing keeps the registration now, so the
 * toolbar must stop showing the last engine state. The next popup, options visit or call opens the window again.
 */
async function noticePhoneWindowClosed(): Promise<void> {
  if (await phoneIsOpen()) return;
  const account = await secretStore.get<Account>(ACCOUNT_KEY);
  if (!account || !isConfigured(account)) return;
  await chrome.action.setBadgeText({ text: t('badgeOff') });
  await chrome.action.setBadgeBackgroundColor({ color: '#6b7280' });
  await chrome.action.setTitle({ title: t('phoneWindowClosedTitle') });
}
