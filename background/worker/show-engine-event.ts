import browser from 'webextension-polyfill';
import { badgeFor } from '../../src/call/badge-for';
import type { EngineEvent } from '../../src/messaging/protocol';
import { notificationsFor } from '../shared/notifications-for';
import { PAGES } from '../../src/well-known';

export const WELCOME_PAGE = PAGES.welcome;

/** Chrome's notifications take buttons and `requireInteraction` (`getPermissionLevel` is Chrome-only); Firefox's do not. */
const CHROME_OPTIONS = typeof chrome !== 'undefined' && chrome.notifications !== undefined && 'getPermissionLevel' in chrome.notifications;

/** Shows an engine event in the browser: toolbar badge, notifications, the microphone page. */
export async function showEngineEvent(event: EngineEvent): Promise<void> {
  if (event.event === 'snapshot') {
    const badge = badgeFor(event.snapshot);
    await browser.action.setBadgeText({ text: badge.text });
    await browser.action.setBadgeBackgroundColor({ color: badge.color });
    await browser.action.setTitle({ title: badge.title });
    return;
  }
  if (event.event === 'need-microphone') {
    await browser.tabs.create({ url: browser.runtime.getURL(`${WELCOME_PAGE}#microphone`) });
    return;
  }
  for (const change of notificationsFor(event, CHROME_OPTIONS)) {
    if ('clear' in change) {
      await browser.notifications.clear(change.clear);
      continue;
    }
    await browser.notifications.create(change.create, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      ...change.content,
    } as browser.Notifications.CreateNotificationOptions);
  }
}
