import { describe, expect, test, vi } from 'vitest';
import { createRouter } from '../../../src/messaging/create-router';
import type { Handlers, SenderInfo } from '../../../src/messaging/protocol';

const source = { url: 'https://example.com/', title: 'Example' };

function router(who: SenderInfo | undefined) {
  const dial = vi.fn(async () => ({ accepted: true }));
  const handlers: Handlers = { 'page:dial': dial };
  return { dial, route: createRouter(handlers, () => who) };
}

describe('the message router is the trust boundary', () => {
  test('a valid dial request from a content script reaches its handler with the sender', async () => {
    const { dial, route } = router({ origin: 'content', tabId: 3 });
    await expect(route({ type: 'page:dial', payload: { target: 'tel:+442079460958', source } }, {})).resolves.toEqual({ accepted: true });
    expect(dial).toHaveBeenCalledWith({ target: 'tel:+442079460958', source }, { origin: 'content', tabId: 3 });
  });

  test.each([
    ['not an object', 'page:dial'],
    ['unknown type', { type: 'engine:call', payload: {} }],
    ['prototype key', { type: 'toString', payload: {} }],
    ['javascript: target', { type: 'page:dial', payload: { target: 'javascript:alert(1)', source } }],
    ['huge target', { type: 'page:dial', payload: { target: `tel:${'1'.repeat(1000)}`, source } }],
    ['missing source', { type: 'page:dial', payload: { target: 'tel:+442079460958' } }],
  ])('drops %s', async (_name, message) => {
    const { dial, route } = router({ origin: 'content' });
    await expect(route(message, {})).resolves.toBeUndefined();
    expect(dial).not.toHaveBeenCalled();
  });

  test('drops messages from senders that are not ours', async () => {
    const { dial, route } = router(undefined);
    await expect(route({ type: 'page:dial', payload: { target: 'tel:+442079460958', source } }, {})).resolves.toBeUndefined();
    expect(dial).not.toHaveBeenCalled();
  });
});
