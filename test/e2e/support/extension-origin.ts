import type { Browser } from 'puppeteer-core';
import { waitUntil } from './wait-until';

/**
 * The `chrome-extension://<id>` origin of the one extension loaded, read from its service worker's target. A build
 * without a manifest `key` (the store zip) gets an id from its folder's path, so tests cannot know it beforehand.
 * Service workers are hidden from puppeteer (see chromium.ts), so the raw target list is asked.
 */
export async function chromeExtensionOrigin(browser: Browser): Promise<string> {
  const cdp = await browser.target().createCDPSession();
  let origin = '';
  try {
    await waitUntil(
      async () => {
        const { targetInfos } = await cdp.send('Target.getTargets');
        const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
        // Node's URL gives non-special schemes an opaque origin ('null'): cut the URL instead.
        origin = worker ? (/^chrome-extension:\/\/[a-p]{32}/.exec(worker.url)?.[0] ?? '') : '';
        return origin !== '';
      },
      15_000,
      "the extension's service worker",
    );
  } finally {
    await cdp.detach();
  }
  return origin;
}
