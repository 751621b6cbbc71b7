import { describe as suite, expect, test, vi } from 'vitest';
import { createRouter } from '../../../src/messaging/create-router';
import type { HandlersFor, MessageType, SenderInfo } from '../../../src/messaging/protocol';
import { SCAN_LIMITS } from '../../../src/messaging/scan-limits';
import { int, pick, random, randomText } from './random';

/**
 * Thousands of malformed messages at the background's router, as a hostile page's compromised content script could
 * send them: every one is refused (undefined, no throw) and no handler runs. Seeded, so a failure replays.
 */
const CONTENT_TYPES = ['page:dial', 'page:scan', 'page:selection'] as const;
const ALL_TYPES: MessageType[] = [
  'page:dial', 'page:scan', 'page:selection', 'tab:get-selection', 'tab:get-site', 'tab:get-menu-link', 'ui:dial', 'ui:call',
  'ui:save-account', 'ui:get-account', 'ui:export-account', 'ui:ensure-engine', 'ui:clear-history', 'ui:seen', 'engine:command',
  'engine:event', 'engine:may-send',
];
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

function handlers() {
  const calls = vi.fn();
  const handler = async (...args: unknown[]) => {
    calls(...args);
    return { ok: true };
  };
  const all = Object.fromEntries(ALL_TYPES.map((type) => [type, handler])) as unknown as HandlersFor<'background'>;
  return { calls, all };
}

/** A value of a random kind, for fields that expect something else. */
function junk(rand: () => number, depth = 0): unknown {
  switch (int(rand, 16)) {
    case 0: return undefined;
    case 1: return null;
    case 2: return int(rand, 2) === 0 ? NaN : rand() * 1e12 - 5e11;
    case 3: return rand() < 0.5;
    case 4: return randomText(rand, int(rand, 40));
    case 5: return 'x'.repeat(1 + int(rand, 600_000));
    case 6: return BigInt(int(rand, 1000));
    case 7: return Symbol('s');
    case 8: return () => 'tel:+12133734253';
    case 9: return depth > 4 ? [] : Array.from({ length: int(rand, 5) }, () => junk(rand, depth + 1));
    case 10: return nested(int(rand, 5000));
    case 11: return new Map([['target', 'tel:+12133734253']]);
    case 12: return Object.create({ target: 'tel:+12133734253', texts: ['Call 213-373-4253'], text: '2133734253' });
    case 13: return JSON.parse(`{"${pick(rand, POLLUTING_KEYS)}": {"target": "tel:+12133734253", "texts": []}}`);
    case 14: return new Proxy({}, { get: () => { throw new Error('hostile getter'); }, getPrototypeOf: () => { throw new Error('hostile proto'); } });
    default: return depth > 4 ? {} : Object.fromEntries(Array.from({ length: int(rand, 4) }, () => [pick(rand, [...POLLUTING_KEYS, 'target', 'texts', 'text', 'country']), junk(rand, depth + 1)]));
  }
}

/** {@link junk} that is not a string (a short string is a valid text or selection), nor an array (of texts). */
function notString(rand: () => number): unknown {
  for (;;) {
    const value = junk(rand);
    if (typeof value !== 'string' && !Array.isArray(value)) return value;
  }
}

function nested(depth: number): unknown {
  let value: unknown = 'tel:+12133734253';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A payload for `type` that its guard must refuse. */
function badPayload(rand: () => number, type: (typeof CONTENT_TYPES)[number]): unknown {
  const tooManyTexts = () => Array.from({ length: SCAN_LIMITS.texts + 1 }, () => '1');
  const tooLong = () => ['x'.repeat(SCAN_LIMITS.chars + 1)];
  const tooMuch = () => Array.from({ length: Math.ceil(SCAN_LIMITS.total / SCAN_LIMITS.chars) + 1 }, () => 'x'.repeat(SCAN_LIMITS.chars));
  switch (type) {
    case 'page:dial':
      return pick(rand, [
        () => ({ target: notString(rand) }),
        () => ({ target: `javascript:${randomText(rand, 20)}` }),
        () => ({ target: `tel:${'1'.repeat(300)}` }),
        () => ({ target: `data:text/html,${randomText(rand, 20)}` }),
        () => ({}),
        () => junk(rand),
      ])();
    case 'page:scan':
      return pick(rand, [
        () => ({ texts: notString(rand) }),
        () => ({ texts: [randomText(rand, 10), notString(rand)] }),
        () => ({ texts: tooManyTexts() }),
        () => ({ texts: tooLong() }),
        () => ({ texts: tooMuch() }),
        () => ({ texts: ['Call 213-373-4253'], country: pick(rand, ['us', 'USA', '', '__proto__', 'U1', 42, null, {}]) }),
        () => junk(rand),
      ])();
    case 'page:selection':
      return pick(rand, [() => ({ text: notString(rand) }), () => ({ text: 'x'.repeat(300) }), () => ({}), () => junk(rand)])();
  }
}

/** One malformed message, of one of several kinds. */
function malformed(rand: () => number): unknown {
  switch (int(rand, 6)) {
    case 0: return junk(rand);
    case 1: return { type: pick(rand, [...POLLUTING_KEYS, randomText(rand, 12), '', 'PAGE:DIAL', 'page:dial ', junk(rand)]), payload: junk(rand) };
    case 2: {
      const type = pick(rand, CONTENT_TYPES);
      return { type, payload: badPayload(rand, type) };
    }
    case 3: {
      // A well-formed message of a type a content script may not send.
      const type = pick(rand, ALL_TYPES.filter((t) => !(CONTENT_TYPES as readonly string[]).includes(t)));
      return { type, payload: { target: '+12133734253', action: 'hangup', account: {}, includePassword: true, command: 'ping', event: 'snapshot' } };
    }
    case 4: {
      const type = pick(rand, CONTENT_TYPES);
      return Object.create({ type, payload: { target: 'tel:+12133734253', texts: [], text: '' } });
    }
    default: {
      const type = pick(rand, CONTENT_TYPES);
      return JSON.parse(`{"type": "${type}", "__proto__": {"payload": {"target": "tel:+12133734253", "texts": [], "text": ""}}}`);
    }
  }
}

function describe(message: unknown): string {
  try {
    return JSON.stringify(message, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…` : typeof v === 'bigint' ? String(v) : v)).slice(0, 400);
  } catch {
    return String(message);
  }
}

suite('router fuzz: malformed messages from a content script', () => {
  const content: SenderInfo = { origin: 'content', tabId: 7, frameUrl: 'https://evil.example/' };

  test('5,000 malformed messages: every one refused with undefined, none throws, no handler runs', async () => {
    const { calls, all } = handlers();
    const route = createRouter<'background', unknown>(all, () => content);
    const rand = random(42);
    for (let i = 0; i < 5000; i++) {
      const message = malformed(rand);
      let reply: unknown;
      expect(() => (reply = route(message, {}))).not.toThrow();
      if (reply !== undefined) throw new Error(`accepted: ${describe(message)}`);
    }
    expect(calls).not.toHaveBeenCalled();
  });

  test('the same router does run well-formed messages (the fuzz could see a handler run)', async () => {
    const { calls, all } = handlers();
    const route = createRouter<'background', unknown>(all, () => content);
    await route({ type: 'page:dial', payload: { target: 'tel:+12133734253' } }, {});
    await route({ type: 'page:scan', payload: { texts: ['Call 213-373-4253'], country: 'US' } }, {});
    await route({ type: 'page:selection', payload: { text: '213-373-4253' } }, {});
    expect(calls).toHaveBeenCalledTimes(3);
  });

  test('a sender the browser does not vouch for gets nothing, whatever it sends', () => {
    const { calls, all } = handlers();
    const route = createRouter<'background', unknown>(all, () => undefined);
    const rand = random(7);
    for (let i = 0; i < 500; i++) {
      const type = pick(rand, ALL_TYPES);
      expect(route({ type, payload: junk(rand) }, {})).toBeUndefined();
    }
    expect(calls).not.toHaveBeenCalled();
  });
});
