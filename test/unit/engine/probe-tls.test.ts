import { afterEach, describe, expect, test, vi } from 'vitest';
import { probeTls } from '../../../background/engine/probe-tls';

const ADDRESS = 'https://pbx.example.com:8089/';

/** Resource Timing as the browsers leave it after the fetch: `recorded` entries appear once the fetch has run. */
function stubBrowser(fetchResult: 'ok' | 'fail', recorded: Array<{ connectStart: number; connectEnd: number }>): void {
  let done = false;
  vi.stubGlobal('fetch', vi.fn(async () => {
    done = true;
    if (fetchResult === 'fail') throw new TypeError('Failed to fetch');
    return new Response(null);
  }));
  vi.spyOn(performance, 'getEntriesByName').mockImplementation(() => (done ? recorded : []) as unknown as PerformanceEntryList);
  vi.spyOn(performance, 'clearResourceTimings').mockImplementation(() => undefined);
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('asking a wss:// server over HTTPS why its WebSocket failed', () => {
  test('an answer: the server is reachable with a trusted certificate', async () => {
    stubBrowser('ok', [{ connectStart: 880, connectEnd: 920 }]);
    expect(await probeTls(ADDRESS)).toBe('reachable');
    expect(fetch).toHaveBeenCalledWith(ADDRESS, expect.objectContaining({ mode: 'no-cors', credentials: 'omit' }));
  });

  test('failed after TCP connected (Firefox: connectEnd after connectStart): the TLS handshake, an untrusted certificate', async () => {
    stubBrowser('fail', [{ connectStart: 1267, connectEnd: 1282 }]);
    expect(await probeTls(ADDRESS)).toBe('tls-failed');
  });

  test.each([
    ['Firefox, refused: no connect end, so connectStart is reported for it', [{ connectStart: 1642, connectEnd: 1642 }]],
    ['Chromium: cross-origin timings are zero', [{ connectStart: 0, connectEnd: 0 }]],
    ['no entry at all (an address that does not resolve)', []],
  ])('failed, %s: cannot tell', async (_case, recorded) => {
    stubBrowser('fail', recorded);
    expect(await probeTls(ADDRESS, 100)).toBe('unknown');
  });

  test('the entries are cleared afterwards, so the 250-entry buffer never fills in a long-lived engine page', async () => {
    stubBrowser('fail', [{ connectStart: 1267, connectEnd: 1282 }]);
    await probeTls(ADDRESS);
    expect(performance.clearResourceTimings).toHaveBeenCalled();
  });
});
