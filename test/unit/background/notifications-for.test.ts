import { describe, expect, test } from 'vitest';
import { incomingCallId, notificationsFor } from '../../../background/shared/notifications-for';

describe('system notifications for engine events', () => {
  test('an incoming call: caller formatted, Answer/Decline buttons where the browser has them, stays until acted on', () => {
    const event = { event: 'incoming', callId: 'c1', number: '+442079460958', displayName: 'Ada' } as const;
    expect(notificationsFor(event, true)).toEqual([
      {
        create: 'incoming:c1',
        content: { title: 'Incoming call', message: 'Ada (+44 20 7946 0958)', requireInteraction: true, buttons: [{ title: 'Answer' }, { title: 'Decline' }] },
      },
    ]);
    expect(notificationsFor(event, false)[0]).toMatchObject({ content: { message: 'Ada (+44 20 7946 0958)' } });
    // Firefox rejects a notification with either Chrome-only property.
    expect(notificationsFor(event, false)[0]).not.toHaveProperty('content.buttons');
    expect(notificationsFor(event, false)[0]).not.toHaveProperty('content.requireInteraction');
    expect(notificationsFor({ event: 'registration-lost', message: 'x' }, false)[0]).not.toHaveProperty('content.requireInteraction');
    expect(incomingCallId('incoming:c1')).toBe('c1');
    expect(incomingCallId('missed:c1')).toBeUndefined();
  });

  test('a second caller during a call: "Call waiting", with the same Answer/Decline buttons', () => {
    const event = { event: 'incoming', callId: 'c2', number: '+442079460958', waiting: true } as const;
    expect(notificationsFor(event, true)).toEqual([
      {
        create: 'incoming:c2',
        content: { title: 'Call waiting', message: '+44 20 7946 0958', requireInteraction: true, buttons: [{ title: 'Answer' }, { title: 'Decline' }] },
      },
    ]);
  });

  test('answered or declined: the ringing notification goes; missed: a missed-call notification replaces it', () => {
    expect(notificationsFor({ event: 'incoming-ended', callId: 'c1', missed: false, number: '204' }, true)).toEqual([{ clear: 'incoming:c1' }]);
    expect(notificationsFor({ event: 'incoming-ended', callId: 'c1', missed: true, number: '204' }, true)).toEqual([
      { clear: 'incoming:c1' },
      { create: 'missed:c1', content: { title: 'Missed call', message: '204 called. Open Dialable to call back.' } },
    ]);
  });

  test('registration lost for more than a minute, and back', () => {
    expect(notificationsFor({ event: 'registration-lost', message: 'Cannot reach wss://x.' }, true)).toEqual([
      {
        create: 'registration-lost',
        content: { title: 'Dialable cannot receive calls', message: 'Not registered for more than a minute. Cannot reach wss://x.', requireInteraction: true },
      },
    ]);
    expect(notificationsFor({ event: 'registration-restored' }, true)).toEqual([{ clear: 'registration-lost' }]);
  });

  test('other events show no notification', () => {
    expect(notificationsFor({ event: 'need-microphone' }, true)).toEqual([]);
  });
});
