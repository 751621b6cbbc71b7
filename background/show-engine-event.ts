import browser from 'webextension-polyfill';
import { badgeFor } from '../src/call/badge-for';
import type { EngineEvent } from '../src/messaging/protocol';

export const WELCOME_PAGE = 'popup/welcome.html';
const INCOMING_PREFIX = 'incoming:';

/** Shows an engine event in the browser: toolbar badge, incoming-call notification, the microphone page. */
export async function showEngineEvent(event: EngineEvent): Promise<void> {
  switch (event.event) {
    case 'snapshot': {
      const badge = badgeFor(event.snapshot);
      await browser.action.setBadgeText({ text: badge.text });
      await browser.action.setBadgeBackgroundColor({ color: badge.color });
      await browser.action.setTitle({ title: badge.title });
      return;
    }
    case 'incoming':
      await browser.notifications.create(`${INCOMING_PREFIX}${event.callId}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('icons/icon-128.png'),
        title: 'Incoming call',
        message: event.displayName ? `${event.displayName} (${event.number})` : event.number,
        // Buttons and requireInteraction are Chrome-only: Firefox rejects the whole notification ("Unexpected
        // property"). There a click on it brings the phone window, with its Answer button, to the front.
        ...(chrome.notifications && 'getPermissionLevel' in chrome.notifications
          ? { requireInteraction: true, buttons: [{ title: 'Answer' }, { title: 'Decline' }] }
          : {}),
      } as browser.Notifications.CreateNotificationOptions);
      return;
    case 'incoming-ended':
      await browser.notifications.clear(`${INCOMING_PREFIX}${event.callId}`);
      if (event.missed) {
        await browser.notifications.create(`missed:${event.callId}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('icons/icon-128.png'),
          title: 'Missed call',
          message: 'Open Dialable to call back.',
        });
      }
      return;
    case 'need-microphone':
      await browser.tabs.create({ url: browser.runtime.getURL(`${WELCOME_PAGE}#microphone`) });
      return;
  }
}

/** The call id behind one of our incoming-call notifications, if it is one. */
export function incomingCallId(notificationId: string): string | undefined {
  return notificationId.startsWith(INCOMING_PREFIX) ? notificationId.slice(INCOMING_PREFIX.length) : undefined;
}
