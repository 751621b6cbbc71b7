import { beforeAll, describe, expect, test } from 'vitest';
import { connectFailureReason, httpsAddressOf } from '../../../src/call/connect-failure-reason';
import { registrationFailureReason } from '../../../src/call/failure-reason';
import { setLanguage } from '../../../src/i18n/t';

beforeAll(() => setLanguage('en'));

describe('why a WebSocket to the SIP server did not open', () => {
  test.each([
    ['wss://pbx.example.com:8089/ws', 'https://pbx.example.com:8089/'],
    ['wss://pbx.example.com/ws', 'https://pbx.example.com/'],
    ['wss://pbx.example.com:443', 'https://pbx.example.com/'],
    ['wss://[2001:db8::1]:7443', 'https://[2001:db8::1]:7443/'],
    ['ws://127.0.0.1:5066', undefined],
    ['not a url', undefined],
  ])('%s is checked at %s', (server, address) => {
    expect(httpsAddressOf(server)).toBe(address);
  });

  test('a certificate the browser does not trust gets its own sentence and the address to open', () => {
    expect(connectFailureReason('wss://pbx.example.com:8089/ws', 'tls-failed')).toEqual({
      message: "The server's certificate is not trusted by this browser: open https://pbx.example.com:8089 once and accept it, or ask your administrator. Dialable keeps trying.",
      fixUrl: 'https://pbx.example.com:8089/',
    });
  });

  test('when the browser cannot tell, the sentence names both causes', () => {
    const { message, fixUrl } = connectFailureReason('wss://pbx.example.com:8089/ws', 'unknown');
    expect(message).toMatch(/^Cannot connect to wss:\/\/pbx\.example\.com:8089\/ws: the server is unreachable, or its certificate is not trusted/);
    expect(message).toContain('Open https://pbx.example.com:8089:');
    expect(fixUrl).toBe('https://pbx.example.com:8089/');
  });

  test('a server that answers HTTPS with a trusted certificate, a ws:// server, or no probe: the plain sentence', () => {
    const plain = { message: registrationFailureReason('unreachable', { server: 'wss://pbx.example.com/ws' }) };
    expect(connectFailureReason('wss://pbx.example.com/ws', 'reachable')).toEqual(plain);
    expect(connectFailureReason('wss://pbx.example.com/ws')).toEqual(plain);
    expect(connectFailureReason('ws://127.0.0.1:5066', 'tls-failed')).toEqual({ message: registrationFailureReason('unreachable', { server: 'ws://127.0.0.1:5066' }) });
  });

  test('German', () => {
    setLanguage('de');
    try {
      expect(connectFailureReason('wss://pbx.example.com:8089/ws', 'tls-failed').message).toMatch(/^Dieser Browser vertraut dem Zertifikat des Servers nicht: Öffnen Sie einmal https:\/\/pbx\.example\.com:8089 /);
    } finally {
      setLanguage('en');
    }
  });
});
