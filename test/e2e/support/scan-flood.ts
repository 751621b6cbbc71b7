import { expect } from 'vitest';

/**
 * What a compromised content script can send: 20 `page:scan` batches at once, each the largest a message may be
 * (25 texts of 16,000 slow characters), 8 MB in all. Evaluated in our content script's world; the replies collect
 * in its `globalThis.floodReplies` ({@link FLOOD_REPLIES}).
 */
export const SEND_SCAN_FLOOD = `(() => {
  const text = '12 '.repeat(5334).slice(0, 16000);
  const payload = { texts: Array.from({ length: 25 }, () => text) };
  globalThis.floodReplies = [];
  for (let i = 0; i < 20; i++) {
    chrome.runtime.sendMessage({ type: 'page:scan', payload }).then((reply) => globalThis.floodReplies.push(reply), (error) => globalThis.floodReplies.push(String(error)));
  }
})()`;

/** The expression that reads the flood's replies back in the content script's world. */
export const FLOOD_REPLIES = 'globalThis.floodReplies';

/** Beyond the tab's budget the background refuses at once, matches nothing and says when to come back. */
export function expectScanBudgetSpent(replies: unknown): void {
  const refused = (replies as Array<{ packed: unknown[]; retryAfterMs?: number }>).filter((r) => typeof r === 'object' && (r.retryAfterMs ?? 0) > 0);
  expect(refused.length).toBeGreaterThanOrEqual(14);
  for (const r of refused) expect(r.packed).toEqual([]);
}
