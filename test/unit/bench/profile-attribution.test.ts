import { describe, expect, it } from 'vitest';
import type { Protocol } from 'puppeteer-core';
import { attributeProfile } from '../../bench/profile-attribution';

const frame = (functionName: string, url = ''): Protocol.Runtime.CallFrame => ({ functionName, url, scriptId: '0', lineNumber: 0, columnNumber: 0 });
const EXT = 'chrome-extension://abc/';

/** (root) → ours (content script) → textContent (native, no URL); (root) → page; (root) → GC; (root) → idle. */
const profile: Protocol.Profiler.Profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 4, 5, 6] },
    { id: 2, callFrame: frame('scan', `${EXT}content/index.js`), children: [3] },
    { id: 3, callFrame: frame('get textContent') },
    { id: 4, callFrame: frame('pageScript', 'http://127.0.0.1/app.js') },
    { id: 5, callFrame: frame('(garbage collector)') },
    { id: 6, callFrame: frame('(idle)') },
  ],
  startTime: 0,
  endTime: 10_000,
  samples: [2, 3, 3, 4, 5, 6, 2],
  // Each sample lasts until the next one: 1 ms apart, the last one has no end.
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('attributeProfile', () => {
  it('counts samples with a frame of the script anywhere on the stack, native calls below it included', () => {
    // Samples 0 (scan), 1 and 2 (textContent under scan); the last scan sample has no next sample, so no duration.
    expect(attributeProfile(profile, EXT).scriptMs).toBe(3);
  });

  it('keeps the garbage collector apart and ignores the page’s own script and idle time', () => {
    expect(attributeProfile(profile, EXT).gcMs).toBe(1);
    expect(attributeProfile(profile, 'chrome-extension://other/').scriptMs).toBe(0);
  });
});
