import { describe, expect, test } from 'vitest';
import { parseHandlerUri, type HandlerRequest } from '../../../src/call/handler-uri';
import { resolveDialTarget } from '../../../background/worker/resolve-dial-target';
import type { ResolvedTarget } from '../../../src/messaging/protocol';

describe('the protocol handler page reads the URI the browser hands it', () => {
  test.each<[string, HandlerRequest | undefined]>([
    ['tel:+442079460958', { kind: 'dial', target: 'tel:+442079460958' }],
    ['tel:+442079460958;ext=204', { kind: 'dial', target: 'tel:+442079460958;ext=204' }],
    ['TEL:020%207946%200958', { kind: 'dial', target: 'tel:020%207946%200958' }],
    ['  callto://+442079460958 ', { kind: 'dial', target: 'callto://+442079460958' }],
    ['sip:bob@example.com', { kind: 'dial', target: 'sip:bob@example.com' }],
    ['sips:bob@example.com', { kind: 'dial', target: 'sips:bob@example.com' }],
    ['web+tel:+442079460958', { kind: 'dial', target: 'tel:+442079460958' }],
    ['web+callto:+442079460958', { kind: 'dial', target: 'callto:+442079460958' }],
    ['web+dialable:answer', { kind: 'command', command: 'answer' }],
    ['web+dialable:HANGUP', { kind: 'command', command: 'hangup' }],
    ['web+dialable://decline/', { kind: 'command', command: 'decline' }],
    ['ext+dialable:hold', { kind: 'command', command: 'hold' }],
    ['web+dialable:unhold', { kind: 'command', command: 'unhold' }],
    ['web+dialable:transfer', undefined],
    ['web+dialable:answer?x=1', undefined],
    ['web+other:answer', undefined],
    ['tel:', undefined],
    ['callto://', undefined],
    ['mailto:a@example.com', undefined],
    ['javascript:alert(1)', undefined],
    ['tel:+44\n2079460958', undefined],
    [`tel:+44${'1'.repeat(600)}`, undefined],
    ['', undefined],
  ])('%j', (uri, request) => {
    expect(parseHandlerUri(uri)).toEqual(request);
  });
});

describe('a dial target from the handler resolves like a clicked link, with the default country', () => {
  const resolve = (uri: string, country: string) => {
    const request = parseHandlerUri(uri);
    return request?.kind === 'dial' ? resolveDialTarget(request.target, country) : undefined;
  };
  test.each<[string, string, ResolvedTarget | undefined]>([
    ['tel:+442079460958;ext=204', 'DE', { kind: 'phone', e164: '+442079460958', ext: '204' }],
    ['tel:020%207946%200958', 'GB', { kind: 'phone', e164: '+442079460958' }],
    ['tel:030 123456', 'DE', { kind: 'phone', e164: '+4930123456' }],
    ['callto:+442079460958', 'DE', { kind: 'phone', e164: '+442079460958' }],
    ['callto://+442079460958', 'DE', { kind: 'phone', e164: '+442079460958' }],
    ['sip:bob@example.com', 'GB', { kind: 'sip', uri: 'sip:bob@example.com' }],
    ['sip:bob', 'GB', undefined],
    ['tel:hello', 'GB', undefined],
  ])('%j with %s', (uri, country, target) => {
    expect(resolve(uri, country)).toEqual(target);
  });
});
