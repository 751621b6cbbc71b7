import { parsePhone } from '../src/phone/parse-phone';

/** A dialable target: an E.164 number (with optional extension) or a SIP URI. */
export type DialTarget = { kind: 'phone'; e164: string; ext?: string } | { kind: 'sip'; uri: string };

const SIP_URI = /^sips?:[a-z0-9_.!~*'()&=+$,;?/%-]+@[a-z0-9.-]+(:\d{1,5})?$/i;

/** Turns a tel:/callto:/sip: URI from an untrusted page into something we are willing to dial, or undefined. */
export function resolveDialTarget(uri: string, defaultCountry: string | undefined): DialTarget | undefined {
  const trimmed = uri.trim();
  if (/^sips?:/i.test(trimmed)) return SIP_URI.test(trimmed) ? { kind: 'sip', uri: trimmed } : undefined;
  const phone = parsePhone(trimmed, defaultCountry);
  if (!phone) return undefined;
  return phone.ext === undefined ? { kind: 'phone', e164: phone.e164 } : { kind: 'phone', e164: phone.e164, ext: phone.ext };
}
