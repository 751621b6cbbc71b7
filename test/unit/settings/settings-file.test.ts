import { describe, expect, test } from 'vitest';
import type { Account } from '../../../src/settings/account';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/defaults';
import { buildSettingsFile, readSettingsFile } from '../../../src/settings/settings-file';
import { setSiteEnabled } from '../../../src/settings/set-site-enabled';
import { isSiteEnabled } from '../../../src/settings/site-enabled';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  detection: { ...DEFAULT_SETTINGS.detection, defaultCountry: 'DE', disabledSites: ['mail.example.com'], linkStyle: 'none' },
  calling: { ...DEFAULT_SETTINGS.calling, dtmf: 'info', extensionDelay: 3.5, ctiOrigins: ['https://crm.example.com'], dialRules: { ...DEFAULT_SETTINGS.calling.dialRules, plus: 'idd', idd: '00' } },
};
const account: Account = {
  server: 'wss://sip.example.com:8089/ws',
  username: 'alice',
  domain: 'example.com',
  authUsername: '',
  password: 's3cret',
  displayName: 'Alice',
  iceServers: [{ urls: 'turn:turn.example.com:3478', username: 'u', credential: 'turn-secret' }],
  register: true,
  backupServer: 'wss://sip2.example.com:8089/ws',
  outboundProxy: 'sip:proxy.example.com:5060;transport=ws',
  extensionMode: 'star',
};

describe('settings export/import', () => {
  test('without secrets: no password key, no TURN credential; reading it back gives the same settings and account', () => {
    const text = buildSettingsFile(settings, account, false, new Date('2026-01-02T03:04:05Z'));
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('turn-secret');
    expect(text).not.toContain('"password"');
    expect(JSON.parse(text).account).toMatchObject({ backupServer: 'wss://sip2.example.com:8089/ws', outboundProxy: 'sip:proxy.example.com:5060;transport=ws' });
    const back = readSettingsFile(text);
    expect(back).toEqual({ settings, account: { ...account, password: '', iceServers: [{ urls: 'turn:turn.example.com:3478', username: 'u' }] } });
  });

  test('with secrets when asked for', () => {
    const text = buildSettingsFile(settings, account, true);
    expect(JSON.parse(text).account.password).toBe('s3cret');
    expect(readSettingsFile(text)).toEqual({ settings, account });
  });

  test('no account set up: the file holds only settings', () => {
    const text = buildSettingsFile(settings, { ...account, server: '' }, true);
    expect(JSON.parse(text)).not.toHaveProperty('account');
    expect(readSettingsFile(text)).toEqual({ settings });
  });

  test.each([
    ['not JSON', 'hello', /not JSON/],
    ['another file', '{"foo":1}', /not a Dialable settings file/],
    ['a bad account', JSON.stringify({ format: 'dialable-settings', version: 1, settings: {}, account: { server: 'http://x', username: 'a' } }), /cannot be used.*wss:\/\//],
  ])('refuses %s with a sentence', (_name, text, error) => {
    const result = readSettingsFile(text);
    expect('error' in result && result.error).toMatch(error);
  });

  const withAccount = (fields: Record<string, unknown>) =>
    JSON.stringify({ format: 'dialable-settings', version: 1, settings: {}, account: { server: 'wss://sip.example.com/ws', username: 'alice', ...fields } });

  test.each([
    ['a backup server over plain ws:// to another host', { backupServer: 'ws://backup.evil.example/ws' }, /cannot be used: Use wss:\/\/ .*only allowed for a server on this computer/],
    ['a backup server that is not a WebSocket address', { backupServer: 'backup.example.com' }, /cannot be used: .*WebSocket address of your backup server/],
    ['a backup server that is not text', { backupServer: ['wss://backup.example.com/ws'] }, /cannot be used: .*WebSocket address of your backup server/],
    ['an outbound proxy that adds a header', { outboundProxy: 'sip:proxy.example.com\r\nVia: SIP/2.0/WS evil' }, /cannot be used: .*outbound proxy as a SIP address/],
    ['an outbound proxy that is not a SIP URI', { outboundProxy: 'https://proxy.example.com' }, /cannot be used: The outbound proxy must start with sip: or sips:/],
    ['an outbound proxy that is not text', { outboundProxy: 42 }, /cannot be used: .*outbound proxy as a SIP address/],
  ])('refuses a hostile account with %s, with a sentence', (_name, fields, error) => {
    const result = readSettingsFile(withAccount(fields));
    expect('error' in result && result.error).toMatch(error);
  });

  test('a file from before the backup server and outbound proxy existed reads them as empty', () => {
    const result = readSettingsFile(withAccount({}));
    expect('account' in result && result.account).toMatchObject({ backupServer: '', outboundProxy: '' });
  });

  test('the extension mode: an old file has none (DTMF), an unknown one reads as DTMF', () => {
    const old = readSettingsFile(withAccount({}));
    expect('account' in old && old.account).not.toHaveProperty('extensionMode');
    const odd = readSettingsFile(withAccount({ extensionMode: 'hash' }));
    expect('account' in odd && odd.account?.extensionMode).toBe('dtmf');
    const comma = readSettingsFile(withAccount({ extensionMode: 'comma' }));
    expect('account' in comma && comma.account?.extensionMode).toBe('comma');
  });

  test('damaged settings fields fall back to defaults, the rest survives', () => {
    const text = JSON.stringify({ format: 'dialable-settings', version: 1, settings: { version: 1, detection: { defaultCountry: 'DE', linkStyle: 'sparkles' } } });
    const result = readSettingsFile(text);
    expect('settings' in result && result.settings.detection).toMatchObject({ defaultCountry: 'DE', linkStyle: 'dotted' });
  });

  test('an imported CTI list keeps only exact https (or loopback http) origins', () => {
    const text = JSON.stringify({ format: 'dialable-settings', version: 1, settings: { version: 5, calling: { ctiOrigins: ['https://crm.example.com/', 'http://evil.example', 'https://*.example.com'] } } });
    const result = readSettingsFile(text);
    expect('settings' in result && result.settings.calling.ctiOrigins).toEqual(['https://crm.example.com']);
  });
});

describe('the popup\'s per-site switch', () => {
  const d = { ...DEFAULT_SETTINGS.detection, disabledSites: ['example.com', 'other.org'] };
  test('off adds the host once; on removes it and any parent that would keep it off', () => {
    const off = setSiteEnabled(DEFAULT_SETTINGS.detection, 'WWW.Shop.test', false);
    expect(off.disabledSites).toEqual(['www.shop.test']);
    expect(setSiteEnabled(off, 'www.shop.test', false).disabledSites).toEqual(['www.shop.test']);
    const on = setSiteEnabled(d, 'mail.example.com', true);
    expect(on.disabledSites).toEqual(['other.org']);
    expect(isSiteEnabled(on, 'mail.example.com')).toBe(true);
  });
  test('a host that is not a site (about:blank has none) changes nothing', () => {
    expect(setSiteEnabled(d, '', false)).toBe(d);
  });
});
