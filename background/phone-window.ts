import browser from 'webextension-polyfill';
import { isConfigured, type Account } from '../src/settings/account';
import { secretStore } from '../src/settings/secret-store';
import { t } from '../src/i18n/t';

/** Firefox's engine host: an extension-owned window (see the README's Architecture section for why a window). */
export const PHONE_PAGE = 'background/phone.html';
/** The key the engine stores the account under (background/engine/engine.ts). */
const ACCOUNT_KEY = 'account';

let opening: Promise<void> | undefined;

/** Whether the phone window is open (any wake-up of the event page asks again: its memory does not survive). */
async function phoneIsOpen(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: ['TAB' as chrome.runtime.ContextType],
    documentUrls: [browser.runtime.getURL(PHONE_PAGE)],
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
  opening ??= browser.windows
    .create({ url: browser.runtime.getURL(PHONE_PAGE), type: 'popup', state: 'minimized' })
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

/**
 * A window closed: if it was the phone window (the user closed it), nothing keeps the registration now, so the
 * toolbar must stop showing the last engine state. The next popup, options visit or call opens the window again.
 */
export async function noticePhoneWindowClosed(): Promise<void> {
  if (await phoneIsOpen()) return;
  const account = await secretStore.get<Account>(ACCOUNT_KEY);
  if (!account || !isConfigured(account)) return;
  await browser.action.setBadgeText({ text: t('badgeOff') });
  await browser.action.setBadgeBackgroundColor({ color: '#6b7280' });
  await browser.action.setTitle({ title: t('badgePhoneWindowClosed') });
}
