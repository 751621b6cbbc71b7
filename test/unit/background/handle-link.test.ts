import { describe, expect, test, vi } from 'vitest';
import { createLinkHandler } from '../../../background/worker/handle-link';
import { createPageDialLimit } from '../../../src/call/page-dial-limit';
import type { DialResult } from '../../../src/messaging/protocol';

function handler(result: DialResult = { accepted: true, callId: 'c1' }, callOk = true) {
  const dialLink = vi.fn(async () => result);
  const call = vi.fn(async () => (callOk ? { ok: true } : { ok: false, error: 'There is no call.' }));
  return { dialLink, call, handle: createLinkHandler({ actions: { dialLink, call }, pageDialLimit: createPageDialLimit() }) };
}

describe('the protocol handler page dials the way a link on a page does', () => {
  test('a tel: link is dialled as a page click (confirm rules apply), never as the popup would', async () => {
    const { dialLink, handle } = handler();
    await expect(handle({ uri: 'tel:+442079460958;ext=204' }, { origin: 'extension', tabId: 7 })).resolves.toMatchObject({ outcome: 'calling' });
    expect(dialLink).toHaveBeenCalledWith('tel:+442079460958;ext=204', { url: '', title: '' }, { unsure: false });
  });

  test('a number that needs confirming says so (the confirm dialer opened)', async () => {
    const { handle } = handler({ accepted: false, confirm: true, reason: 'Premium' });
    await expect(handle({ uri: 'tel:+449098790999' }, { origin: 'extension', tabId: 7 })).resolves.toMatchObject({ outcome: 'confirm' });
  });

  test('command links act on the current call; other links are refused without dialling', async () => {
    const { call, dialLink, handle } = handler();
    await expect(handle({ uri: 'web+dialable:hangup' }, { origin: 'extension' })).resolves.toMatchObject({ outcome: 'done' });
    await expect(handle({ uri: 'web+dialable:unhold' }, { origin: 'extension' })).resolves.toMatchObject({ outcome: 'done' });
    expect(call.mock.calls).toEqual([[{ action: 'hangup' }], [{ action: 'resume' }]]);
    await expect(handle({ uri: 'mailto:a@example.com' }, { origin: 'extension' })).resolves.toMatchObject({ outcome: 'refused' });
    expect(dialLink).not.toHaveBeenCalled();
  });

  test('a page that opens tel: links in a loop hits the per-tab limit', async () => {
    const { dialLink, handle } = handler();
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push((await handle({ uri: 'tel:+442079460958' }, { origin: 'extension', tabId: 9 })).outcome);
    expect(outcomes[0]).toBe('calling');
    expect(outcomes).toContain('refused');
    expect(dialLink.mock.calls.length).toBeLessThan(4);
  });
});
