import { describe, expect, test } from 'vitest';
import { ctiOriginProblems, ctiSenderAllowed, isCtiAllowed, normalizeCtiOrigins, parseCtiOrigin } from '../../../src/cti/cti-origins';

describe('CTI allowed origins', () => {
  test.each([
    ['https://crm.example.com', 'https://crm.example.com'],
    ['  https://CRM.Example.com/ ', 'https://crm.example.com'],
    ['https://crm.example.com:8443', 'https://crm.example.com:8443'],
    ['https://crm.example.com:443', 'https://crm.example.com'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://127.0.0.1:41234', 'http://127.0.0.1:41234'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('%s is the origin %s', (line, origin) => {
    expect(parseCtiOrigin(line)).toEqual({ origin });
  });

  test.each([
    ['http://crm.example.com', 'not-https'],
    ['http://10.0.0.5', 'not-https'],
    ['http://localhost.example.com', 'not-https'],
    ['crm.example.com', 'not-an-origin'],
    ['https://crm.example.com/app', 'not-an-origin'],
    ['https://crm.example.com/?x=1', 'not-an-origin'],
    ['https://user@crm.example.com', 'not-an-origin'],
    ['https://*.example.com', 'not-an-origin'],
    ['ftp://crm.example.com', 'not-an-origin'],
    ['javascript:alert(1)', 'not-an-origin'],
    ['*', 'not-an-origin'],
  ])('%s is refused (%s)', (line, problem) => {
    expect(parseCtiOrigin(line)).toEqual({ problem });
  });

  test('a typed list names each bad line, skips blank ones, and keeps the good ones once', () => {
    const lines = ['https://a.example', '', 'http://b.example', 'https://a.example/', 'nonsense'];
    expect(ctiOriginProblems(lines)).toEqual([
      { line: 'http://b.example', problem: 'not-https' },
      { line: 'nonsense', problem: 'not-an-origin' },
    ]);
    expect(normalizeCtiOrigins([...lines, 42, null])).toEqual(['https://a.example']);
  });

  test('a document is allowed only by its exact origin (scheme, host and port)', () => {
    const allowed = ['https://crm.example.com', 'http://127.0.0.1:4000'];
    expect(isCtiAllowed('https://crm.example.com/deals/7?x=1', allowed)).toBe(true);
    expect(isCtiAllowed('https://crm.example.com:8443/', allowed)).toBe(false);
    expect(isCtiAllowed('http://crm.example.com/', allowed)).toBe(false);
    expect(isCtiAllowed('https://evil.crm.example.com/', allowed)).toBe(false);
    expect(isCtiAllowed('http://127.0.0.1:4001/', allowed)).toBe(false);
    expect(isCtiAllowed('about:blank', allowed)).toBe(false);
    expect(isCtiAllowed('data:text/html,x', allowed)).toBe(false);
    expect(isCtiAllowed(undefined, allowed)).toBe(false);
  });

  test('a frame needs its own origin and its tab top origin allowed', () => {
    const allowed = ['https://crm.example.com', 'https://widget.example.net'];
    const tab = { title: 'CRM', url: 'https://crm.example.com/' };
    expect(ctiSenderAllowed({ tabId: 1, tab, frameUrl: 'https://crm.example.com/x' }, allowed)).toBe(true);
    expect(ctiSenderAllowed({ tabId: 1, tab, frameUrl: 'https://widget.example.net/w' }, allowed)).toBe(true);
    expect(ctiSenderAllowed({ tabId: 1, tab, frameUrl: 'https://ads.example.org/' }, allowed)).toBe(false);
    expect(ctiSenderAllowed({ tabId: 1, tab: { title: '', url: 'https://other.example/' }, frameUrl: 'https://crm.example.com/' }, allowed)).toBe(false);
    expect(ctiSenderAllowed({ tab, frameUrl: 'https://crm.example.com/' }, allowed)).toBe(false);
  });
});
