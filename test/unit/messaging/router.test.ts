import { describe, expect, test, vi } from 'vitest';
import { createRouter } from '../../../src/messaging/create-router';
import { identifySender } from '../../../src/messaging/identify-sender';
import type { HandlersFor, SenderInfo } from '../../../src/messaging/protocol';


function router(who: SenderInfo | undefined) {
  const dial = vi.fn(async () => ({ accepted: true }));
  const ok = async () => ({ ok: true });
  const scan = vi.fn(async () => ({ packed: [] as Array<string | number> }));
  const cti = vi.fn(async () => ({ ok: true }));
  const link = vi.fn(async () => ({ outcome: 'calling' as const }));
  const handlers: HandlersFor<'background'> = {
    'page:dial': dial,
    'page:scan': scan,
    'page:selection': ok,
    'page:cti': cti,
    'ui:handle-link': link,
    'ui:dial': dial,
    'ui:dialer-request': async () => ({}),
    'ui:call': ok,
    'ui:save-account': async () => ({ registered: false, message: '' }),
    'ui:get-account': async () => ({ server: '', username: '', domain: '', authUsername: '', displayName: '', iceServers: [], register: true, backupServer: '', outboundProxy: '', hasPassword: false }),
    'ui:export-account': async () => ({ server: '', username: '', domain: '', authUsername: '', password: '', displayName: '', iceServers: [], register: true, backupServer: '', outboundProxy: '' }),
    'ui:ensure-engine': ok,
    'ui:clear-history': ok,
    'ui:seen': ok,
    'ui:sign-out': ok,
    'engine:event': ok,
    'engine:may-send': async () => ({ allowed: false }),
  };
  return { dial, scan, cti, link, route: createRouter(handlers, () => who) };
}

describe('the message router is the trust boundary', () => {
  test('the protocol handler page may hand over a link; a content script may not, nor an overlong one', async () => {
    const page = router({ origin: 'extension', tabId: 4 });
    await expect(page.route({ type: 'ui:handle-link', payload: { uri: 'tel:+442079460958' } }, {})).resolves.toEqual({ outcome: 'calling' });
    await expect(Promise.resolve(page.route({ type: 'ui:handle-link', payload: { uri: `tel:${'1'.repeat(600)}` } }, {}))).resolves.toBeUndefined();
    expect(page.link).toHaveBeenCalledTimes(1);
    const content = router({ origin: 'content', tabId: 3 });
    await expect(Promise.resolve(content.route({ type: 'ui:handle-link', payload: { uri: 'tel:+442079460958' } }, {}))).resolves.toBeUndefined();
    expect(content.link).not.toHaveBeenCalled();
  });

  test('a CTI command from a content script reaches its handler; malformed ones do not', async () => {
    const { cti, route } = router({ origin: 'content', tabId: 3 });
    await expect(route({ type: 'page:cti', payload: { command: 'call', number: '+442079460958' } }, {})).resolves.toEqual({ ok: true });
    expect(cti).toHaveBeenCalledTimes(1);
    for (const payload of [
      { command: 'reboot' },
      { command: 'toString' },
      { command: 'call', number: 42 },
      { command: 'call', number: '1'.repeat(1000) },
      { command: 'dtmf', digits: '12<script>' },
      { command: 'hangup', callId: 'x'.repeat(100) },
      { command: 'status', invalid: 'yes' },
    ]) {
      await expect(Promise.resolve(route({ type: 'page:cti', payload }, {}))).resolves.toBeUndefined();
    }
    expect(cti).toHaveBeenCalledTimes(1);
    expect(router({ origin: 'extension' }).route({ type: 'page:cti', payload: { command: 'status' } }, {})).toBeUndefined();
  });

  test('a valid dial request from a content script reaches its handler with the sender', async () => {
    const { dial, route } = router({ origin: 'content', tabId: 3 });
    await expect(route({ type: 'page:dial', payload: { target: 'tel:+442079460958' } }, {})).resolves.toEqual({ accepted: true });
    expect(dial).toHaveBeenCalledWith({ target: 'tel:+442079460958' }, { origin: 'content', tabId: 3 });
  });

  test('messages addressed to another destination are left alone synchronously (undefined, not a promise)', () => {
    const { route } = router({ origin: 'background' });
    expect(route({ type: 'engine:command', payload: { command: 'ping' } }, {})).toBeUndefined();
  });

  test('a content script cannot send what only our pages may send', async () => {
    const { dial, route } = router({ origin: 'content' });
    expect(route({ type: 'ui:dial', payload: { target: '+442079460958' } }, {})).toBeUndefined();
    expect(dial).not.toHaveBeenCalled();
  });

  test.each([
    ['not an object', 'page:dial'],
    ['unknown type', { type: 'engine:call', payload: {} }],
    ['prototype key', { type: 'toString', payload: {} }],
    ['javascript: target', { type: 'page:dial', payload: { target: 'javascript:alert(1)' } }],
    ['huge target', { type: 'page:dial', payload: { target: `tel:${'1'.repeat(1000)}` } }],
    ['missing target', { type: 'page:dial', payload: { source: { url: 'https://example.com/', title: 'Example' } } }],
  ])('drops %s', async (_name, message) => {
    const { dial, route } = router({ origin: 'content' });
    await expect(Promise.resolve(route(message, {}))).resolves.toBeUndefined();
    expect(dial).not.toHaveBeenCalled();
  });

  test('drops messages from senders that are not ours', async () => {
    const { dial, route } = router(undefined);
    expect(route({ type: 'page:dial', payload: { target: 'tel:+442079460958' } }, {})).toBeUndefined();
    expect(dial).not.toHaveBeenCalled();
  });

  test('a content script may have run texts matched, within bounds', async () => {
    const { scan, route } = router({ origin: 'content', tabId: 3 });
    await expect(route({ type: 'page:scan', payload: { texts: ['Call 020 7946 0958'], country: 'GB' } }, {})).resolves.toEqual({ packed: [] });
    await expect(route({ type: 'page:scan', payload: { texts: ['Tel. 030 1234567'], lang: 'de-DE' } }, {})).resolves.toEqual({ packed: [] });
    expect(scan).toHaveBeenCalledTimes(2);
  });

  test.each([
    ['too many texts', { texts: Array.from({ length: 1001 }, () => '555 0100') }],
    ['a text too long', { texts: ['1'.repeat(20_001)] }],
    ['too many characters in all', { texts: Array.from({ length: 30 }, () => '1'.repeat(19_000)) }],
    ['a text that is not a string', { texts: [42] }],
    ['a country that is not a region code', { texts: ['x'], country: 'gb; drop' }],
    ['a page language that is not a language tag', { texts: ['x'], lang: 'de"><script>' }],
    ['a page language too long', { texts: ['x'], lang: 'x'.repeat(65) }],
  ])('drops a scan request with %s', async (_name, payload) => {
    const { scan, route } = router({ origin: 'content' });
    await expect(Promise.resolve(route({ type: 'page:scan', payload }, {}))).resolves.toBeUndefined();
    expect(scan).not.toHaveBeenCalled();
  });
});

describe('identifySender', () => {
  const ID = 'abc';
  const ORIGIN = 'chrome-extension://abc/';

  test('a content script gets its tab title and address from the browser sender, not from its message', () => {
    const who = identifySender({ id: ID, url: 'https://shop.example.com/frame', tab: { id: 7, title: 'Contact us — Shop', url: 'https://shop.example.com/contact' } }, ID, ORIGIN);
    expect(who).toEqual({ origin: 'content', tabId: 7, frameUrl: 'https://shop.example.com/frame', tab: { title: 'Contact us — Shop', url: 'https://shop.example.com/contact' } });
  });

  test('without tab details (no host access) the frame address stands in and the title is empty', () => {
    expect(identifySender({ id: ID, url: 'https://a.example/', tab: { id: 7 } }, ID, ORIGIN)?.tab).toEqual({ title: '', url: 'https://a.example/' });
  });

  test('a frame of another origin than its tab is marked with its host; the top frame and same-origin frames are not', () => {
    const tab = { id: 7, title: 'Shop', url: 'https://shop.example.com/contact' };
    expect(identifySender({ id: ID, url: 'https://ads.example.net/slot', frameId: 3, tab }, ID, ORIGIN)?.crossOriginFrame).toBe('ads.example.net');
    expect(identifySender({ id: ID, url: 'https://shop.example.com:8443/x', frameId: 3, tab }, ID, ORIGIN)?.crossOriginFrame).toBe('shop.example.com:8443');
    expect(identifySender({ id: ID, url: 'https://shop.example.com/contact', frameId: 0, tab }, ID, ORIGIN)?.crossOriginFrame).toBeUndefined();
    expect(identifySender({ id: ID, url: 'https://shop.example.com/frame', frameId: 2, tab }, ID, ORIGIN)?.crossOriginFrame).toBeUndefined();
    // about:blank written by an ad frame: Chrome's sender.origin says whose it is; without it we cannot tell.
    expect(identifySender({ id: ID, url: 'about:blank', frameId: 4, origin: 'https://ads.example.net', tab }, ID, ORIGIN)?.crossOriginFrame).toBe('ads.example.net');
    expect(identifySender({ id: ID, url: 'about:blank', frameId: 4, origin: 'https://shop.example.com', tab }, ID, ORIGIN)?.crossOriginFrame).toBeUndefined();
    expect(identifySender({ id: ID, url: 'about:blank', frameId: 4, tab }, ID, ORIGIN)?.crossOriginFrame).toBe('about:blank');
  });

  test('another extension is nobody', () => {
    expect(identifySender({ id: 'other', url: 'https://a.example/', tab: { id: 7 } }, ID, ORIGIN)).toBeUndefined();
  });
});
