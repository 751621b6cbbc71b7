import { describe, expect, test, vi } from 'vitest';
import { answerAsync } from '../../../src/messaging/answer-async';

describe('answerAsync (a router behind runtime.onMessage)', () => {
  test('a message for another context: false, and no reply', () => {
    const send = vi.fn();
    expect(answerAsync(() => undefined, 'test')('x', {}, send)).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });

  test('a message for us: true, then the reply through sendResponse', async () => {
    const send = vi.fn();
    expect(answerAsync(async () => ({ ok: true }), 'test')('x', {}, send)).toBe(true);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith({ ok: true }));
  });

  test('a failing handler still answers (undefined), so the sender does not wait for ever', async () => {
    const send = vi.fn();
    expect(answerAsync(() => Promise.reject(new Error('boom')), 'test')('x', {}, send)).toBe(true);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith(undefined));
  });
});
