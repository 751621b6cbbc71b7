import { isObject } from '../settings/is-object';
import { SCAN_LIMITS } from './scan-limits';
import { CTI_COMMANDS, CTI_LIMITS, DTMF_DIGITS, type CtiCommandName } from '../cti/cti-wire';
import { MAX_HANDLER_URI } from '../call/handler-uri';
import type { Envelope, MessageType, Origin, Protocol } from './protocol';

const MAX_URI = 256;
const MAX_TEXT = 2048;

type Guard<K extends MessageType> = (p: unknown) => p is Protocol[K]['payload'];
const isString = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const ACTIONS = new Set(['hangup', 'answer', 'decline', 'mute', 'unmute', 'hold', 'resume', 'dtmf', 'transfer', 'send-digits', 'swap', 'consult', 'complete-transfer', 'cancel-consult', 'merge']);
const empty = <K extends MessageType>(): Guard<K> => ((p: unknown) => isObject(p)) as Guard<K>;

/** Payload guards for every message; content-script payloads are hostile until these pass. */
const GUARDS: { [K in MessageType]: Guard<K> } = {
  'page:dial': (p): p is Protocol['page:dial']['payload'] =>
    isObject(p) &&
    isString(p.target, MAX_URI) &&
    /^(tel|callto|sip|sips):/i.test(p.target) &&
    (p.unsure === undefined || typeof p.unsure === 'boolean'),
  'page:scan': (p): p is Protocol['page:scan']['payload'] => {
    if (!isObject(p) || !Array.isArray(p.texts) || p.texts.length > SCAN_LIMITS.texts) return false;
    if (p.country !== undefined && !(typeof p.country === 'string' && /^[A-Z]{2}$/.test(p.country))) return false;
    if (p.lang !== undefined && !(isString(p.lang, 64) && /^[A-Za-z0-9_-]*$/.test(p.lang))) return false;
    let total = 0;
    for (const text of p.texts as unknown[]) {
      if (!isString(text, SCAN_LIMITS.chars)) return false;
      total += text.length;
    }
    return total <= SCAN_LIMITS.total;
  },
  'page:cti': (p): p is Protocol['page:cti']['payload'] =>
    isObject(p) &&
    (p.command === 'hello' || CTI_COMMANDS.includes(p.command as CtiCommandName)) &&
    (p.invalid === undefined || p.invalid === true) &&
    (p.callId === undefined || isString(p.callId, CTI_LIMITS.callId)) &&
    (p.number === undefined || isString(p.number, CTI_LIMITS.number)) &&
    (p.target === undefined || isString(p.target, CTI_LIMITS.number)) &&
    (p.digits === undefined || (isString(p.digits, CTI_LIMITS.digits) && DTMF_DIGITS.test(p.digits))),
  'page:selection': (p): p is Protocol['page:selection']['payload'] => isObject(p) && isString(p.text, MAX_URI),
  'tab:get-selection': empty(),
  'tab:get-site': empty(),
  'tab:get-menu-link': empty(),
  'ui:handle-link': (p): p is Protocol['ui:handle-link']['payload'] => isObject(p) && isString(p.uri, MAX_HANDLER_URI),
  'ui:dial': (p): p is Protocol['ui:dial']['payload'] => isObject(p) && isString(p.target, MAX_URI),
  'ui:dialer-request': (p): p is Protocol['ui:dialer-request']['payload'] => isObject(p) && isString(p.id, 64),
  'ui:call': (p): p is Protocol['ui:call']['payload'] =>
    isObject(p) &&
    typeof p.action === 'string' &&
    ACTIONS.has(p.action) &&
    (p.callId === undefined || isString(p.callId, 64)) &&
    (p.action !== 'dtmf' || (isString(p.tone, 1) && /^[0-9A-D*#]$/i.test(p.tone))) &&
    ((p.action !== 'transfer' && p.action !== 'consult') || isString(p.target, MAX_URI)),
  'ui:save-account': (p): p is Protocol['ui:save-account']['payload'] => isObject(p) && isObject(p.account),
  'ui:get-account': empty(),
  'ui:export-account': (p): p is Protocol['ui:export-account']['payload'] => isObject(p) && typeof p.includePassword === 'boolean',
  'ui:ensure-engine': empty(),
  'ui:clear-history': empty(),
  'ui:seen': empty(),
  'ui:sign-out': (p): p is Protocol['ui:sign-out']['payload'] => isObject(p) && typeof p.signedOut === 'boolean',
  'engine:command': (p): p is Protocol['engine:command']['payload'] => isObject(p) && typeof p.command === 'string',
  'engine:event': (p): p is Protocol['engine:event']['payload'] => isObject(p) && typeof p.event === 'string',
  'engine:may-send': (p): p is Protocol['engine:may-send']['payload'] => isObject(p) && typeof p.origin === 'string' && p.origin.length <= 2048,
};

/** Who may send each message. */
export const ALLOWED_ORIGINS: { [K in MessageType]: readonly Origin[] } = {
  'page:dial': ['content'],
  'page:scan': ['content'],
  'page:selection': ['content'],
  'page:cti': ['content'],
  'tab:get-selection': ['background'],
  'tab:get-site': ['extension'],
  'tab:get-menu-link': ['background'],
  'ui:handle-link': ['extension'],
  'ui:dial': ['extension'],
  'ui:dialer-request': ['extension'],
  'ui:call': ['extension', 'background'],
  'ui:save-account': ['extension'],
  'ui:get-account': ['extension'],
  'ui:export-account': ['extension'],
  'ui:ensure-engine': ['extension'],
  'ui:clear-history': ['extension'],
  'ui:seen': ['extension'],
  'ui:sign-out': ['extension'],
  'engine:command': ['background'],
  'engine:event': ['engine'],
  'engine:may-send': ['engine'],
};

/**
 * A plain object in any realm (what a structured clone delivers): an instance or an object made with
 * `Object.create(template)` could carry a guarded field through its prototype, and a getter could say one thing to
 * the guard and another to the handler.
 */
function isPlain(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Returns the envelope typed when it is one of ours with a valid payload, otherwise undefined. */
export function validateEnvelope(message: unknown): Envelope | undefined {
  if (!isPlain(message) || typeof message.type !== 'string' || !Object.hasOwn(GUARDS, message.type)) return undefined;
  if (!isPlain(message.payload)) return undefined;
  const type = message.type as MessageType;
  return GUARDS[type](message.payload) ? { type, payload: message.payload as Envelope['payload'] } : undefined;
}
