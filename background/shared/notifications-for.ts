import type { EngineEvent } from '../../src/messaging/protocol';
import { formatPhone } from '../../src/phone/format-phone';
import { t } from '../../src/i18n/t';

export const INCOMING_PREFIX = 'incoming:';
export const MISSED_PREFIX = 'missed:';
export const REGISTRATION_LOST_ID = 'registration-lost';

export interface NotificationContent {
  title: string;
  message: string;
  requireInteraction?: boolean;
  buttons?: Array<{ title: string }>;
}

export type NotificationChange = { create: string; content: NotificationContent } | { clear: string };

/**
 * The system notifications an engine event calls for (pure: `show-engine-event` talks to the browser).
 * `chromeOptions`: buttons and `requireInteraction` are Chrome-only — Firefox rejects the whole notification with
 * an "Unexpected property" error, so there a plain notification is shown and a click on it opens Dialable.
 */
export function notificationsFor(event: EngineEvent, chromeOptions: boolean): NotificationChange[] {
  const sticky = chromeOptions ? { requireInteraction: true } : {};
  switch (event.event) {
    case 'incoming':
      return [
        {
          create: `${INCOMING_PREFIX}${event.callId}`,
          content: {
            title: event.waiting ? t('notificationCallWaiting') : t('notifyIncomingTitle'),
            message: who(event),
            ...sticky,
            ...(chromeOptions ? { buttons: [{ title: t('notifyAnswer') }, { title: t('notifyDecline') }] } : {}),
          },
        },
      ];
    case 'incoming-ended':
      return [
        { clear: `${INCOMING_PREFIX}${event.callId}` },
        ...(event.missed
          ? [{ create: `${MISSED_PREFIX}${event.callId}`, content: { title: t('notifyMissedTitle'), message: t('notifyMissedMessage', who(event)) } }]
          : []),
      ];
    case 'registration-lost':
      return [
        {
          create: REGISTRATION_LOST_ID,
          content: { title: t('notifyLostTitle'), message: t('notifyLostMessage', event.message), ...sticky },
        },
      ];
    case 'registration-restored':
      return [{ clear: REGISTRATION_LOST_ID }];
    default:
      return [];
  }
}

/** The call id behind one of our incoming-call notifications, if it is one. */
export function incomingCallId(notificationId: string): string | undefined {
  return notificationId.startsWith(INCOMING_PREFIX) ? notificationId.slice(INCOMING_PREFIX.length) : undefined;
}

function who(caller: { number: string; displayName?: string }): string {
  const number = /^\+\d+$/.test(caller.number) ? formatPhone(caller.number) : caller.number;
  return caller.displayName ? `${caller.displayName} (${number})` : number;
}
