import { describe, expect, test } from 'vitest';
import { outboundProxyProblem } from '../../../src/settings/outbound-proxy-problem';

describe('an outbound proxy is a plain SIP URI (it becomes the Route header of every request)', () => {
  test.each([
    ['empty (no proxy)', ''],
    ['a host with ;lr', 'sip:proxy.example.com;lr'],
    ['a port and a transport', 'sip:proxy.example.com:5060;transport=ws'],
    ['sips:', 'sips:proxy.example.com:5061;lr'],
    ['upper-case scheme', 'SIP:Proxy.Example.com'],
    ['an IPv4 address', 'sip:192.0.2.10:5060;lr'],
    ['an IPv6 address', 'sip:[2001:db8::1]:5060;lr'],
    ['a user part', 'sip:edge@proxy.example.com;lr'],
    ['spaces around it (trimmed)', '  sip:proxy.example.com;lr  '],
  ])('accepted: %s', (_name, proxy) => {
    expect(outboundProxyProblem(proxy)).toBeUndefined();
  });

  test.each([
    ['no scheme', 'proxy.example.com', 'scheme'],
    ['a WebSocket address', 'wss://proxy.example.com/ws', 'scheme'],
    ['tel:', 'tel:+441234', 'scheme'],
    ['no host', 'sip:', 'invalid'],
    ['only parameters', 'sip:;lr', 'invalid'],
    ['a space inside', 'sip:proxy example.com', 'invalid'],
    ['CR/LF (a header of its own)', 'sip:proxy.example.com\r\nVia: SIP/2.0/WS evil', 'invalid'],
    ['angle brackets', '<sip:proxy.example.com;lr>', 'scheme'],
    ['a closing bracket inside', 'sip:proxy.example.com>;lr', 'invalid'],
    ['a quote', 'sip:proxy.example.com;x="y"', 'invalid'],
    ['URI headers', 'sip:proxy.example.com?Subject=hi', 'invalid'],
    ['a port out of range', 'sip:proxy.example.com:70000;lr', 'invalid'],
    ['a host starting with a dot', 'sip:.example.com', 'invalid'],
  ])('refused: %s', (_name, proxy, problem) => {
    expect(outboundProxyProblem(proxy)).toBe(problem);
  });
});
