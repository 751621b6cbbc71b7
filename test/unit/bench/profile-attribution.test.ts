import { describe, expect, it } from 'vitest';
import type { Protocol } from 'puppeteer-core';
import { attributeProfile, attributeWindows, CLOCK_MARK_FUNCTION } from '../../bench/profile-attribution';

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

describe('attributeWindows', () => {
  // The same tree plus the clock mark's busy loop: samples at 0..7 ms on the profile clock (startTime 5 s).
  const marked: Protocol.Profiler.Profile = {
    ...profile,
    nodes: [...profile.nodes.map((n) => (n.id === 1 ? { ...n, children: [2, 4, 5, 6, 7] } : n)), { id: 7, callFrame: frame(CLOCK_MARK_FUNCTION, 'pptr:evaluate') }],
    startTime: 5_000_000,
    samples: [2, 3, 5, 4, 6, 7, 7, 2],
    timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
  };

  it('ties the profile clock to the page clock at the mark and sums script and collector time per window', () => {
    // The mark's first sample (5 ms on the profile clock) is page time 105 ms, so sample i is at page 100 + i ms.
    const windows = [
      { start: 100, duration: 2 }, // samples 0, 1: script
      { start: 101.5, duration: 2 }, // samples 2 (collector), 3 (page)
      { start: 103, duration: 10 }, // page, idle, the mark, the last script sample (no duration)
    ];
    expect(attributeWindows(marked, EXT, 105, windows)).toEqual([
      { scriptMs: 2, gcMs: 0 },
      { scriptMs: 0, gcMs: 1 },
      { scriptMs: 0, gcMs: 0 },
    ]);
  });

  it('gives up when the mark was never sampled', () => {
    expect(attributeWindows(profile, EXT, 105, [{ start: 0, duration: 10 }])).toBeUndefined();
  });
});
