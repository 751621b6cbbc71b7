import { isObject } from '../settings/is-object';
import type { Envelope, MessageType, Protocol } from './protocol';

const MAX_URI = 256;
const MAX_TEXT = 2048;

/** Payload guards for every message; content-script payloads are hostile until these pass. */
const GUARDS: { [K in MessageType]: (p: unknown) => p is Protocol[K]['payload'] } = {
  'page:dial': (p): p is Protocol['page:dial']['payload'] =>
    isObject(p) &&
    typeof p.target === 'string' &&
    p.target.length <= MAX_URI &&
    /^(tel|callto|sip|sips):/i.test(p.target) &&
    isObject(p.source) &&
    typeof p.source.url === 'string' &&
    p.source.url.length <= MAX_TEXT &&
    typeof p.source.title === 'string' &&
    p.source.title.length <= MAX_TEXT,
};

/** Returns the envelope typed when it is one of ours with a valid payload, otherwise undefined. */
export function validateEnvelope(message: unknown): Envelope | undefined {
  if (!isObject(message) || typeof message.type !== 'string' || !Object.hasOwn(GUARDS, message.type)) return undefined;
  const type = message.type as MessageType;
  return GUARDS[type](message.payload) ? { type, payload: message.payload as Envelope['payload'] } : undefined;
}

/** Who may send each message. */
export const ALLOWED_ORIGINS: { [K in MessageType]: readonly Protocol[K]['from'][] } = {
  'page:dial': ['content'],
};
