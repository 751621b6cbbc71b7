/** What is wrong with an outbound proxy address, as a code (pages turn it into a sentence). */
export type OutboundProxyProblem = 'invalid' | 'scheme';

const SCHEME = /^sips?:/i;
/**
 * `sip:` or `sips:`, an optional `user@`, a host name, IPv4 or bracketed IPv6 address, an optional port and `;name` or
 * `;name=value` parameters (`;lr`, `;transport=ws`). No `?headers`, spaces, CR/LF, quotes or angle brackets: the
 * value is written into the Route header of every request, and any of those would let it add headers of its own.
 */
const SIP_URI =
  /^sips?:(?:[A-Za-z0-9_.!~*'()&=+$,%-]+@)?(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:;[A-Za-z0-9_.!~*'()%+-]+(?:=[A-Za-z0-9_.!~*'()%+:[\]-]+)?)*$/i;

/**
 * Checks an outbound proxy (a SIP URI such as `sip:proxy.example.com;lr`) for every way one arrives (form, settings
 * file, policy). Empty is fine: the proxy is optional. Without i18n, so the content script can bundle it.
 */
export function outboundProxyProblem(proxy: string): OutboundProxyProblem | undefined {
  const value = proxy.trim();
  if (value === '') return undefined;
  if (!SCHEME.test(value)) return 'scheme';
  if (!SIP_URI.test(value)) return 'invalid';
  const port = /^[^;]*:(\d+)(?:;|$)/.exec(value.replace(/\[[^\]]*\]/, ''))?.[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535) ? undefined : 'invalid';
}
