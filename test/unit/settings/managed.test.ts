import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings';
import { EMPTY_ACCOUNT } from '../../../src/settings/account';
import { coerceManaged, effectiveAccount, effectiveSettings, isLocked, managedProblems } from '../../../src/settings/managed';
import { readManaged, readManagedProblems } from '../../../src/settings/read-managed';

const user: Settings = {
  ...DEFAULT_SETTINGS,
  detection: { enabled: true, defaultCountry: 'GB', disabledSites: ['mail.example.org'], linkStyle: 'dotted', siteCountries: { 'shop.example.de': 'DE' } },
};

describe('coerceManaged keeps only valid policy values', () => {
  test.each([
    ['nothing', undefined, {}],
    ['not an object', 'wss://x', {}],
    ['an array', [1], {}],
    ['a full policy', { server: ' wss://pbx.example.com:8089/ws ', domain: 'Example.COM', username: '1001', defaultCountry: 'de', detectionEnabled: false, disabledSites: ['CRM.example.com', 'https://intranet.example.com/x'], linkStyle: 'none' },
      { server: 'wss://pbx.example.com:8089/ws', domain: 'example.com', username: '1001', defaultCountry: 'DE', detectionEnabled: false, disabledSites: ['crm.example.com', 'intranet.example.com'], linkStyle: 'none' }],
    ['wrong types and values are dropped', { server: 'https://pbx.example.com', domain: 'sip:example.com', username: 'a b', defaultCountry: 'Germany', detectionEnabled: 'no', disabledSites: 'example.com', linkStyle: 'blink' }, {}],
    ['unknown keys are dropped', { password: 'secret', evil: true }, {}],
    ['a backup server and an outbound proxy', { backupServer: ' wss://pbx2.example.com:8089/ws ', outboundProxy: ' sip:proxy.example.com;lr ' },
      { backupServer: 'wss://pbx2.example.com:8089/ws', outboundProxy: 'sip:proxy.example.com;lr' }],
    ['empty backup server and proxy lock the fields empty', { backupServer: '', outboundProxy: '  ' }, { backupServer: '', outboundProxy: '' }],
    ['bad sites are filtered out of the list', { disabledSites: ['ok.example', 42, '%%'] }, { disabledSites: ['ok.example'] }],
  ])('%s', (_name, raw, expected) => {
    expect(coerceManaged(raw)).toEqual(expected);
  });
});

describe('a managed server is checked like the form checks it', () => {
  test.each([
    ['wss:// anywhere', 'wss://pbx.example.com:8089/ws', undefined],
    ['ws:// to this computer (localhost)', 'ws://localhost:8080/ws', undefined],
    ['ws:// to 127.0.0.1', 'ws://127.0.0.1:5066', undefined],
    ['ws:// to [::1]', 'ws://[::1]:5066', undefined],
    ['ws:// to another host', 'ws://pbx.example.com:8080/ws', 'plainWs'],
    ['ws:// to a LAN address', 'ws://192.168.1.10/ws', 'plainWs'],
    ['ws:// to a host that only starts like localhost', 'ws://localhost.evil.example/ws', 'plainWs'],
    ['https://', 'https://pbx.example.com', 'scheme'],
    ['not a URL', 'pbx.example.com', 'invalid'],
    ['not a string', 42, 'invalid'],
  ])('%s', (_name, server, problem) => {
    expect(coerceManaged({ server }).server).toBe(problem === undefined ? server : undefined);
    expect(managedProblems({ server })).toEqual(problem === undefined ? {} : { server: problem });
  });

  test('the reason reaches the pages through the managed area, never throwing', async () => {
    await expect(readManagedProblems({ get: async () => ({ server: 'ws://pbx.example.com/ws' }) })).resolves.toEqual({ server: 'plainWs' });
    await expect(readManagedProblems({ get: () => Promise.reject(new Error('no manifest')) })).resolves.toEqual({});
    await expect(readManagedProblems(undefined)).resolves.toEqual({});
  });
});

describe('a managed backup server and outbound proxy are checked like the form checks them', () => {
  test.each([
    ['a backup server over ws:// to another host', { backupServer: 'ws://pbx2.example.com/ws' }, { backupServer: 'plainWs' }],
    ['a backup server over https://', { backupServer: 'https://pbx2.example.com' }, { backupServer: 'scheme' }],
    ['a backup server that is not a URL', { backupServer: 'pbx2.example.com' }, { backupServer: 'invalid' }],
    ['a backup server that is not a string', { backupServer: 42 }, { backupServer: 'invalid' }],
    ['a proxy without sip:', { outboundProxy: 'proxy.example.com' }, { outboundProxy: 'scheme' }],
    ['a proxy with a header of its own', { outboundProxy: 'sip:proxy.example.com\r\nVia: x' }, { outboundProxy: 'invalid' }],
    ['a proxy in angle brackets', { outboundProxy: 'sip:<proxy.example.com>' }, { outboundProxy: 'invalid' }],
    ['a proxy that is not a string', { outboundProxy: true }, { outboundProxy: 'invalid' }],
    ['all three at once', { server: 'ws://a.example/ws', backupServer: 'ws://b.example/ws', outboundProxy: 'x' }, { server: 'plainWs', backupServer: 'plainWs', outboundProxy: 'scheme' }],
  ])('%s is dropped, with the reason', (_name, raw, problems) => {
    expect(coerceManaged(raw)).toEqual({});
    expect(managedProblems(raw)).toEqual(problems);
  });

  test('valid ones lock their fields and have no problem', () => {
    const raw = { backupServer: 'ws://127.0.0.1:5067', outboundProxy: 'sip:proxy.example.com:5060;transport=ws' };
    expect(managedProblems(raw)).toEqual({});
    expect(isLocked(coerceManaged(raw), 'backupServer')).toBe(true);
    expect(isLocked(coerceManaged(raw), 'outboundProxy')).toBe(true);
    expect(isLocked(coerceManaged({}), 'outboundProxy')).toBe(false);
  });
});

describe('effective settings: managed values over the user’s', () => {
  test('nothing managed: the user’s settings as they are', () => {
    expect(effectiveSettings(user, {})).toEqual(user);
  });

  test('each managed field wins; the others stay the user’s', () => {
    const s = effectiveSettings(user, { detectionEnabled: false, linkStyle: 'none' });
    expect(s.detection).toEqual({ enabled: false, defaultCountry: 'GB', disabledSites: ['mail.example.org'], linkStyle: 'none', siteCountries: { 'shop.example.de': 'DE' } });
    expect(s.calling).toEqual(user.calling);
  });

  test('a managed default country holds on every site: the user\'s per-site countries give way to it', () => {
    expect(effectiveSettings(user, { defaultCountry: 'CH' }).detection).toMatchObject({ defaultCountry: 'CH', siteCountries: {} });
    expect(effectiveSettings(user, {}).detection.siteCountries).toEqual({ 'shop.example.de': 'DE' });
  });

  test('a managed confirmPageCalls wins over the user’s switch, both ways', () => {
    expect(effectiveSettings(user, { confirmPageCalls: true }).calling.confirmPageCalls).toBe(true);
    const asks = { ...user, calling: { ...user.calling, confirmPageCalls: true } };
    expect(effectiveSettings(asks, { confirmPageCalls: false }).calling.confirmPageCalls).toBe(false);
    expect(effectiveSettings(asks, {}).calling.confirmPageCalls).toBe(true);
    expect(coerceManaged({ confirmPageCalls: true })).toEqual({ confirmPageCalls: true });
    expect(coerceManaged({ confirmPageCalls: 'true' })).toEqual({});
  });

  test('a managed ctiOrigins list replaces the user’s (an empty one forbids every page); invalid entries are dropped', () => {
    const mine = { ...user, calling: { ...user.calling, ctiOrigins: ['https://mine.example'] } };
    expect(effectiveSettings(mine, { ctiOrigins: ['https://crm.example.com'] }).calling.ctiOrigins).toEqual(['https://crm.example.com']);
    expect(effectiveSettings(mine, { ctiOrigins: [] }).calling.ctiOrigins).toEqual([]);
    expect(effectiveSettings(mine, {}).calling.ctiOrigins).toEqual(['https://mine.example']);
    expect(coerceManaged({ ctiOrigins: ['https://CRM.example.com', 'http://crm.example.com', 3] })).toEqual({ ctiOrigins: ['https://crm.example.com'] });
    expect(coerceManaged({ ctiOrigins: 'https://crm.example.com' })).toEqual({});
  });

  test('a managed dnd and autoAnswer win over the user’s, both ways; invalid values are dropped', () => {
    expect(effectiveSettings(user, { dnd: true }).calling.dnd).toBe(true);
    const on = { ...user, calling: { ...user.calling, dnd: true, autoAnswer: 5 } };
    expect(effectiveSettings(on, { dnd: false }).calling.dnd).toBe(false);
    expect(effectiveSettings(on, {}).calling).toMatchObject({ dnd: true, autoAnswer: 5 });
    expect(effectiveSettings(on, { autoAnswer: 0 }).calling.autoAnswer).toBe(0);
    expect(effectiveSettings(user, { autoAnswer: 20 }).calling.autoAnswer).toBe(20);
    expect(coerceManaged({ dnd: true, autoAnswer: 3 })).toEqual({ dnd: true, autoAnswer: 3 });
    expect(coerceManaged({ dnd: 'true', autoAnswer: -1 })).toEqual({});
    expect(coerceManaged({ autoAnswer: 61 })).toEqual({});
    expect(coerceManaged({ autoAnswer: '5' })).toEqual({});
    expect(isLocked({ dnd: false }, 'dnd')).toBe(true);
  });

  test('a managed confirmPageCalls wins over the user’s switch, both ways; a non-boolean is dropped', () => {
    expect(effectiveSettings(user, { confirmPageCalls: true }).calling.confirmPageCalls).toBe(true);
    const on = { ...user, calling: { ...user.calling, confirmPageCalls: true } };
    expect(effectiveSettings(on, { confirmPageCalls: false }).calling.confirmPageCalls).toBe(false);
    expect(coerceManaged({ confirmPageCalls: 'yes' })).toEqual({});
    expect(coerceManaged({ confirmPageCalls: true })).toEqual({ confirmPageCalls: true });
  });

  test('a managed site list replaces the user’s, and an empty one counts as set', () => {
    expect(effectiveSettings(user, { disabledSites: ['crm.example.com'] }).detection.disabledSites).toEqual(['crm.example.com']);
    expect(effectiveSettings(user, { disabledSites: [] }).detection.disabledSites).toEqual([]);
    expect(isLocked({ disabledSites: [] }, 'disabledSites')).toBe(true);
  });

  test('managed detection off means off, whatever the user chose', () => {
    expect(effectiveSettings(user, { detectionEnabled: false }).detection.enabled).toBe(false);
    expect(effectiveSettings({ ...user, detection: { ...user.detection, enabled: false } }, { detectionEnabled: true }).detection.enabled).toBe(true);
  });

  test('the user’s stored settings are not modified', () => {
    const before = structuredClone(user);
    effectiveSettings(user, { defaultCountry: 'DE', disabledSites: [] });
    expect(user).toEqual(before);
  });

  test('isLocked names exactly the managed fields', () => {
    const managed = { server: 'wss://pbx.example.com/ws', detectionEnabled: false };
    expect(isLocked(managed, 'server')).toBe(true);
    expect(isLocked(managed, 'detectionEnabled')).toBe(true);
    expect(isLocked(managed, 'username')).toBe(false);
    expect(isLocked(managed, 'defaultCountry')).toBe(false);
  });
});

describe('effective account', () => {
  const typed = { ...EMPTY_ACCOUNT, server: 'wss://other.example/ws', username: 'alice', domain: 'other.example', password: 'pw' };

  test('managed server, domain and username override what was typed or imported; the rest is kept', () => {
    expect(effectiveAccount(typed, { server: 'wss://pbx.example.com:8089/ws', domain: 'example.com' })).toEqual({
      ...typed,
      server: 'wss://pbx.example.com:8089/ws',
      domain: 'example.com',
    });
    expect(effectiveAccount(typed, { username: '1001' }).username).toBe('1001');
  });

  test('nothing managed: unchanged', () => expect(effectiveAccount(typed, {})).toEqual(typed));

  test('a managed backup server and outbound proxy override the typed ones, also when managed empty', () => {
    const mine = { ...typed, backupServer: 'wss://mine.example/ws', outboundProxy: 'sip:mine.example;lr' };
    expect(effectiveAccount(mine, { backupServer: 'wss://pbx2.example.com/ws', outboundProxy: 'sip:proxy.example.com;lr' })).toEqual({ ...mine, backupServer: 'wss://pbx2.example.com/ws', outboundProxy: 'sip:proxy.example.com;lr' });
    expect(effectiveAccount(mine, { backupServer: '', outboundProxy: '' })).toEqual({ ...mine, backupServer: '', outboundProxy: '' });
  });
});

describe('readManaged never throws', () => {
  test('Firefox without a managed-storage manifest rejects: nothing is managed', async () => {
    const area = { get: () => Promise.reject(new Error('Managed storage manifest not found')) };
    await expect(readManaged(area)).resolves.toEqual({});
  });

  test('a context without the area: nothing is managed', async () => {
    await expect(readManaged(undefined)).resolves.toEqual({});
  });

  test('a throwing getter (not even a promise) is tolerated', async () => {
    const area = {
      get: () => {
        throw new Error('storage.managed is not available');
      },
    };
    await expect(readManaged(area)).resolves.toEqual({});
  });

  test('values are coerced', async () => {
    await expect(readManaged({ get: async () => ({ detectionEnabled: false, linkStyle: 'neon' }) })).resolves.toEqual({ detectionEnabled: false });
  });
});
