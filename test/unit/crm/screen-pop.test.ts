import { describe, expect, test } from 'vitest';
import { crmOrigin, crmUrlProblem, originPattern } from '../../../src/crm/crm-url';
import { encodeScreenPopValue, expandScreenPop, type ScreenPopValues } from '../../../src/crm/screen-pop';

const caller = (name: string, number = '+493012345678'): ScreenPopValues => ({ e164: number, number, name, direction: 'incoming' });
const TEMPLATE = 'https://crm.example.com/search?phone={e164}&name={name}';

describe('screen-pop template expansion', () => {
  test('fills every placeholder with its URL-encoded value', () => {
    expect(expandScreenPop(TEMPLATE, caller('Anna Müller & Co'))).toBe('https://crm.example.com/search?phone=%2B493012345678&name=Anna%20M%C3%BCller%20%26%20Co');
    expect(expandScreenPop('https://crm.example.com/c/{number}/{direction}#{name}', { e164: '', number: 'alice', name: "O'Neil (x)*!", direction: 'incoming' })).toBe(
      'https://crm.example.com/c/alice/incoming#O%27Neil%20%28x%29%2A%21',
    );
    expect(expandScreenPop('https://crm.example.com/?x={unknown}&n={number}', caller(''))).toBe('https://crm.example.com/?x={unknown}&n=%2B493012345678');
  });

  test.each([
    ['quotes', `"'><script>alert(1)</script>`],
    ['javascript: URL', 'javascript:alert(document.cookie)'],
    ['another host', '@evil.example.com/'],
    ['a full URL', 'https://evil.example.com/?'],
    ['path traversal', '../../admin'],
    ['dot segment', '..'],
    ['newlines', 'A\r\nLocation: https://evil.example.com/\n'],
    ['fragment and query', '#/x?y=1&phone=+1'],
    ['backslashes', '\\\\evil.example.com\\x'],
    ['a lone surrogate', 'a\uD800b'],
    ['10 KB', 'x'.repeat(10_240)],
  ])('a hostile display name (%s) cannot change where the tab goes', (_kind, name) => {
    for (const template of [TEMPLATE, 'https://crm.example.com/contacts/{name}/view', 'https://crm.example.com/{name}']) {
      const url = expandScreenPop(template, caller(name));
      if (url === undefined) {
        // Refused outright is fine (a `..` segment): never opened elsewhere.
        expect(['..', '.']).toContain(name);
        continue;
      }
      const parsed = new URL(url);
      expect(parsed.origin).toBe('https://crm.example.com');
      expect(parsed.pathname.split('/').length).toBe(new URL(template.replace(/\{name\}/g, 'x')).pathname.split('/').length);
      expect(url.length).toBeLessThan(4_000);
      expect(url).not.toMatch(/[\s"'<>\\]/);
      if (template === TEMPLATE) expect(parsed.searchParams.get('phone')).toBe('+493012345678');
    }
  });

  test('values are cut to 256 characters and never throw', () => {
    expect(encodeScreenPopValue('é'.repeat(300))).toBe('%C3%A9'.repeat(256));
    expect(encodeScreenPopValue('a\uDC00')).toBe('a%EF%BF%BD');
  });

  test('only https (http on loopback) templates, placeholders after the origin', () => {
    expect(crmUrlProblem(TEMPLATE, true)).toBeUndefined();
    expect(crmUrlProblem('http://127.0.0.1:8080/pop?n={e164}', true)).toBeUndefined();
    expect(crmUrlProblem('http://localhost/pop', true)).toBeUndefined();
    expect(crmUrlProblem('http://crm.example.com/pop?n={e164}', true)).toBe('not-https');
    expect(crmUrlProblem('javascript:alert({name})', true)).toBe('not-https');
    expect(crmUrlProblem('https://{name}.example.com/', true)).toBe('placeholder-in-origin');
    expect(crmUrlProblem('https://crm.example.com:{number}/', true)).toBe('placeholder-in-origin');
    expect(crmUrlProblem('https://user:pw@crm.example.com/', true)).toBe('invalid');
    expect(crmUrlProblem('not a url', true)).toBe('invalid');
    expect(crmUrlProblem('', true)).toBeUndefined();
    expect(expandScreenPop('http://crm.example.com/?n={e164}', caller('x'))).toBeUndefined();
    expect(expandScreenPop('', caller('x'))).toBeUndefined();
  });

  test('the origin and the host permission it needs', () => {
    expect(crmOrigin('https://crm.example.com:8443/hooks/calls?x=1')).toBe('https://crm.example.com:8443');
    expect(crmOrigin('http://evil.example.com/')).toBeUndefined();
    expect(originPattern('http://127.0.0.1:4567')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://crm.example.com')).toBe('https://crm.example.com/*');
  });
});
