import { badgeFor } from '../../src/call/badge-for';
import type { EngineEvent } from '../../src/messaging/protocol';
import { notificationsFor } from '../shared/notifications-for';
import { PAGES } from '../../src/well-known';
import { crmUrlProblem } from '../../src/crm/crm-url';

export const WELCOME_PAGE = PAGES.welcome;

/** Chrome's notifications take buttons and `requireInteraction` (`getPermissionLevel` is Chrome-only); Firefox's do not. */
const CHROME_OPTIONS = typeof chrome !== 'undefined' && chrome.notifications !== undefined && 'getPermissionLevel' in chrome.notifications;

/** Shows an engine event in the browser: toolbar badge, notifications, the microphone page. */
export async function showEngineEvent(event: EngineEvent): Promise<void> {
  if (event.event === 'snapshot') {
    const badge = badgeFor(event.snapshot);
    await chrome.action.setBadgeText({ text: badge.text });
    await chrome.action.setBadgeBackgroundColor({ color: badge.color });
    await chrome.action.setTitle({ title: badge.title });
    return;
  }
  if (event.event === 'screen-pop') {
    // Checked again here, where the tab opens: only ever an https (or loopback http) page, never a script URL.
    if (!crmUrlProblem(event.url)) await chrome.tabs.create({ url: event.url, active: true });
    return;
  }
  if (event.event === 'need-microphone') {
    await chrome.tabs.create({ url: chrome.runtime.getURL(`${WELCOME_PAGE}#microphone`) });
    return;
  }
  for (const change of notificationsFor(event, CHROME_OPTIONS)) {
    if ('clear' in change) {
      await chrome.notifications.clear(change.clear);
      continue;
    }
    await chrome.notifications.create(change.create, {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
      ...change.content,
    } as chrome.notifications.NotificationCreateOptions);
  }
}
