import { describe, expect, test } from 'vitest';
import { cleanAccount, effectiveDomain, EMPTY_ACCOUNT, validateAccount, type Account } from '../../../src/settings/account';

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
    [{ backupServer: 'sip2.example.com' }, 'backupServer', /WebSocket address of your backup server/],
    [{ backupServer: 'https://sip2.example.com' }, 'backupServer', /wss:\/\//],
    [{ backupServer: 'ws://sip2.example.com/ws' }, 'backupServer', /only allowed for a server on this computer/],
    [{ backupServer: 'ws://localhost.evil.example/ws' }, 'backupServer', /only allowed for a server on this computer/],
    [{ outboundProxy: 'proxy.example.com' }, 'outboundProxy', /must start with sip: or sips:/],
    [{ outboundProxy: 'sip:proxy.example.com\r\nVia: x' }, 'outboundProxy', /SIP address such as sip:proxy.example.com;lr/],
    [{ outboundProxy: 'sip:<proxy>' }, 'outboundProxy', /without spaces or angle brackets/],
  ] as const)('%o → %s', (patch, field, message) => {
    expect(validateAccount({ ...ok, ...patch } as typeof ok)[field]).toMatch(message);
  });
  test('ws:// is fine on localhost', () => {
    expect(validateAccount({ ...ok, server: 'ws://127.0.0.1:5066' })).toEqual({});
    expect(validateAccount({ ...ok, server: 'ws://localhost:5066' })).toEqual({});
  });
  test('backup server and outbound proxy are optional; when set they pass like the server (ws:// only to this computer)', () => {
    expect(validateAccount({ ...ok, backupServer: '', outboundProxy: '' })).toEqual({});
    expect(validateAccount({ ...ok, backupServer: 'wss://sip2.example.com:8089/ws', outboundProxy: 'sip:proxy.example.com:5060;transport=ws' })).toEqual({});
    expect(validateAccount({ ...ok, backupServer: 'ws://127.0.0.1:5067' })).toEqual({});
  });
  test('an account stored before the two fields existed is valid, and cleaning it gives them as empty', () => {
    const { backupServer: _b, outboundProxy: _p, ...old } = ok;
    expect(validateAccount(old as Account)).toEqual({});
    expect(cleanAccount(old as Account)).toMatchObject({ backupServer: '', outboundProxy: '' });
    expect(cleanAccount({ ...ok, backupServer: ' wss://b.example/ws ', outboundProxy: ' sip:p.example;lr ' })).toMatchObject({ backupServer: 'wss://b.example/ws', outboundProxy: 'sip:p.example;lr' });
  });
  test('the domain defaults to the server host', () => {
    expect(effectiveDomain(ok)).toBe('sip.example.com');
    expect(effectiveDomain({ ...ok, domain: 'example.org' })).toBe('example.org');
  });
});
