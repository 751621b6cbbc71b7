import type { ResolvedTarget } from '../../src/messaging/protocol';
import { splitPostDial } from '../../src/call/post-dial';
import { parsePhone } from '../../src/phone/parse-phone';

const SIP_URI = /^sips?:[a-z0-9_.!~*'()&=+$,;?/%-]+@[a-z0-9.-]+(:\d{1,5})?$/i;
const USER_AT_HOST = /^[a-z0-9_.!~*'()&=+$,;?/%-]+@[a-z0-9.-]+$/i;
const EXTENSION_NUMBER = /^[0-9*#]{1,8}$/;

/**
 * Turns a tel:/callto:/sip: URI from an untrusted page into something we are willing to dial, or undefined.
 * With `typed` (the popup's number field) also accepts `user@host` and short internal extensions such as 204.
 * Digits after a pause or wait (`+44 20 7946 0958,,204;#`, `tel:+442079460958,204`) stay with a phone number.
 */
export function resolveDialTarget(input: string, defaultCountry: string | undefined, typed = false): ResolvedTarget | undefined {
  const trimmed = input.trim();
  if (/^sips?:/i.test(trimmed)) return SIP_URI.test(trimmed) ? { kind: 'sip', uri: trimmed } : undefined;
  const { number, postDial } = splitPostDial(trimmed);
  const phone = parsePhone(number, defaultCountry);
  if (phone) return { kind: 'phone', e164: phone.e164, ...(phone.ext === undefined ? {} : { ext: phone.ext }), ...(postDial ? { postDial } : {}) };
  if (!typed) return undefined;
  const compact = trimmed.replace(/[\s().-]/g, '');
  if (EXTENSION_NUMBER.test(compact)) return { kind: 'user', user: compact };
  if (USER_AT_HOST.test(trimmed)) return { kind: 'sip', uri: `sip:${trimmed}` };
  return undefined;
}
