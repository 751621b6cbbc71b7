import { describe, expect, test } from 'vitest';
import { EMPTY_ACCOUNT, type Account } from '../../../src/settings/account';
import { bindPassword, sameBinding } from '../../../src/settings/account-binding';

const stored: Account = {
  ...EMPTY_ACCOUNT,
  server: 'wss://pbx.example.com:8089/ws',
  backupServer: 'wss://pbx2.example.com:8089/ws',
  outboundProxy: 'sip:proxy.example.com;lr',
  username: 'alice',
  domain: 'example.com',
  password: 'alice-secret',
  iceServers: [{ urls: 'turn:turn.example.com:3478', username: 'alice', credential: 'turn-secret' }],
};
const typed = (change: Partial<Account>): Account => ({ ...stored, password: '', ...change });

describe('the password goes only where it was entered', () => {
  test.each([
    ['the display name', { displayName: 'Alice' }],
    ['the path on the same server', { server: 'wss://pbx.example.com:8089/other' }],
    ['the register switch', { register: false }],
    ['the case of the domain', { domain: 'EXAMPLE.com' }],
    ['an auth user name equal to the user name', { authUsername: 'alice' }],
    ['the path on the same backup server', { backupServer: 'wss://pbx2.example.com:8089/other' }],
    ['the case of the outbound proxy', { outboundProxy: 'SIP:Proxy.Example.com;LR' }],
  ])('an empty password keeps the stored one when only %s changes', (_name, change) => {
    expect(bindPassword(stored, typed(change))).toEqual({ account: { ...typed(change), password: 'alice-secret' }, cleared: false });
  });

  test.each([
    ['another server host', { server: 'wss://evil.example.com:8089/ws' }],
    ['another port on the same host', { server: 'wss://pbx.example.com:9443/ws' }],
    ['another SIP domain', { domain: 'other.example' }],
    ['no domain (the server host becomes the domain)', { domain: '' }],
    ['another user name', { username: 'bob' }],
    ['another auth user name', { authUsername: 'admin' }],
    ['another backup server host', { backupServer: 'wss://evil.example.com:8089/ws' }],
    ['another port on the backup server', { backupServer: 'wss://pbx2.example.com:9443/ws' }],
    ['no backup server any more', { backupServer: '' }],
    ['an unreadable backup server', { backupServer: 'not a url' }],
    ['another outbound proxy', { outboundProxy: 'sip:evil.example.com;lr' }],
    ['another transport through the proxy', { outboundProxy: 'sip:proxy.example.com;lr;transport=ws' }],
    ['no outbound proxy any more', { outboundProxy: '' }],
  ])('%s clears the stored password and TURN credentials', (_name, change) => {
    const { account, cleared } = bindPassword(stored, typed(change));
    expect(cleared).toBe(true);
    expect(account.password).toBe('');
    expect(account.iceServers).toEqual([{ urls: 'turn:turn.example.com:3478', username: 'alice' }]);
  });

  test('a newly typed password is always taken as typed', () => {
    const input = typed({ server: 'wss://new.example/ws', password: 'new' });
    expect(bindPassword(stored, input)).toEqual({ account: input, cleared: false });
  });

  test('nothing stored: an empty password stays empty, nothing to clear', () => {
    expect(bindPassword(undefined, typed({}))).toEqual({ account: { ...typed({}), iceServers: [{ urls: 'turn:turn.example.com:3478', username: 'alice' }] }, cleared: false });
  });

  test('a backup server or an outbound proxy added to an account that had none clears the password too', () => {
    const plain = { ...stored, backupServer: '', outboundProxy: '' };
    for (const change of [{ backupServer: 'wss://backup.example.com/ws' }, { outboundProxy: 'sip:proxy.example.com;lr' }]) {
      const { account, cleared } = bindPassword(plain, { ...plain, password: '', ...change });
      expect([account.password, cleared]).toEqual(['', true]);
    }
  });

  test('an account stored before the backup server and outbound proxy existed keeps its password when saved with both empty', () => {
    const { backupServer: _b, outboundProxy: _p, ...old } = { ...stored, backupServer: '', outboundProxy: '' };
    const input = { ...old, backupServer: '', outboundProxy: '', password: '' };
    expect(bindPassword(old as Account, input)).toEqual({ account: { ...input, password: 'alice-secret' }, cleared: false });
  });

  test('sameBinding compares host and port, backup host and port, proxy, domain (or the server host), user and auth user', () => {
    expect(sameBinding(stored, { ...stored, server: 'WSS://PBX.example.com:8089/x' })).toBe(true);
    expect(sameBinding({ ...stored, domain: '' }, { ...stored, domain: 'pbx.example.com' })).toBe(true);
    expect(sameBinding(stored, { ...stored, server: 'ws://pbx.example.com:8089/ws' })).toBe(true);
    expect(sameBinding(stored, { ...stored, server: 'not a url' })).toBe(false);
  });
});
