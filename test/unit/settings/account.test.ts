import { describe, expect, test } from 'vitest';
import { effectiveDomain, EMPTY_ACCOUNT, validateAccount } from '../../../src/settings/account';

const ok = { ...EMPTY_ACCOUNT, server: 'wss://sip.example.com:8089/ws', username: 'alice', password: 'x' };

describe('account validation', () => {
  test('a complete account passes', () => expect(validateAccount(ok)).toEqual({}));
  test.each([
    [{ server: '' }, 'server', /WebSocket address/],
    [{ server: 'sip.example.com' }, 'server', /WebSocket address/],
    [{ server: 'https://sip.example.com' }, 'server', /wss:\/\//],
    [{ server: 'ws://sip.example.com/ws' }, 'server', /only allowed for a server on this computer/],
    [{ username: '' }, 'username', /SIP username/],
    [{ username: 'al ice' }, 'username', /characters/],
    [{ domain: 'sip:example.com' }, 'domain', /domain name/],
    [{ iceServers: [{ urls: 'http://stun' }] }, 'iceServers', /stun:/],
  ] as const)('%o → %s', (patch, field, message) => {
    expect(validateAccount({ ...ok, ...patch } as typeof ok)[field]).toMatch(message);
  });
  test('ws:// is fine on localhost', () => {
    expect(validateAccount({ ...ok, server: 'ws://127.0.0.1:5066' })).toEqual({});
    expect(validateAccount({ ...ok, server: 'ws://localhost:5066' })).toEqual({});
  });
  test('the domain defaults to the server host', () => {
    expect(effectiveDomain(ok)).toBe('sip.example.com');
    expect(effectiveDomain({ ...ok, domain: 'example.org' })).toBe('example.org');
  });
});
