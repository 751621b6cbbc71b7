import { describe, expect, test } from 'vitest';
import { callLogRecord, callLogResult, pageAddress, type EndedCall } from '../../../src/crm/call-record';

const AOR = 'sip:alice@example.com';
const base: EndedCall = { id: 'call-1', direction: 'outgoing', number: '+493012345678', startedAt: Date.UTC(2026, 0, 1, 10, 0, 0) };

describe('call-log record', () => {
  test('an answered outgoing call from a page: times, duration, page address without query', () => {
    const call: EndedCall = { ...base, connectedAt: base.startedAt + 3_000, endedAt: base.startedAt + 5_400, source: { url: 'https://crm.example.com/contacts/42?token=secret#notes' } };
    expect(callLogRecord(call, AOR, 0)).toEqual({
      id: 'call-1',
      direction: 'outgoing',
      from: AOR,
      to: '+493012345678',
      e164: '+493012345678',
      startedAt: '2026-01-01T10:00:00.000Z',
      answeredAt: '2026-01-01T10:00:03.000Z',
      endedAt: '2026-01-01T10:00:05.400Z',
      durationSeconds: 2,
      result: 'answered',
      pageUrl: 'https://crm.example.com/contacts/42',
      account: AOR,
    });
  });

  test('an incoming call: from the caller to the account, no page, no E.164 for a SIP user', () => {
    const record = callLogRecord({ ...base, direction: 'incoming', number: 'bob', displayName: 'Bob', source: { url: 'https://x.example/' } }, AOR, base.startedAt + 9_000);
    expect(record).toMatchObject({ from: 'bob', to: AOR, e164: '', displayName: 'Bob', durationSeconds: 0, result: 'missed', endedAt: '2026-01-01T10:00:09.000Z' });
    expect(record.pageUrl).toBeUndefined();
    expect(record.answeredAt).toBeUndefined();
  });

  test.each<[string, Partial<EndedCall>, string]>([
    ['answered incoming', { direction: 'incoming', connectedAt: 1 }, 'answered'],
    ['declined by the user', { direction: 'incoming', declined: true }, 'declined'],
    ['missed', { direction: 'incoming' }, 'missed'],
    ['turned away, another call going on', { direction: 'incoming', turnedAway: 'busy' }, 'busy'],
    ['turned away by Do not disturb', { direction: 'incoming', turnedAway: 'dnd' }, 'dnd'],
    ['outgoing, 486', { failed: true, statusCode: 486 }, 'busy'],
    ['outgoing, 603', { failed: true, statusCode: 603 }, 'declined'],
    ['outgoing, cancelled (487)', { failed: true, statusCode: 487 }, 'cancelled'],
    ['outgoing, 404', { failed: true, statusCode: 404 }, 'failed'],
    ['outgoing, connection lost', { failed: true }, 'failed'],
  ])('result: %s', (_name, patch, result) => {
    expect(callLogResult({ ...base, ...patch })).toBe(result);
  });

  test('page address: only http(s), only origin and path', () => {
    expect(pageAddress('https://a.example/b/c?d=e#f')).toBe('https://a.example/b/c');
    expect(pageAddress('file:///home/me/secret.html')).toBeUndefined();
    expect(pageAddress('not a url')).toBeUndefined();
    expect(pageAddress(undefined)).toBeUndefined();
  });
});
