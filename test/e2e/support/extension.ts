import { resolve } from 'node:path';
import type { Browser, WebWorker } from 'puppeteer-core';

export const CHROME_DIST = resolve('dist/chrome');
/** Fixed by the manifest `key`. */
export const EXTENSION_ID = 'nhcibjmjhchlaihkoaidbcgoodehnnkm';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

/** The extension's service worker (waits for it; after a worker restart, call again for a fresh handle). */
export async function serviceWorker(browser: Browser): Promise<WebWorker> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(EXTENSION_ORIGIN),
    { timeout: 15_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  return worker;
}

/** Writes settings straight into extension storage, as the options page would. */
export async function setSettings(browser: Browser, detection: Record<string, unknown>): Promise<void> {
  const worker = await serviceWorker(browser);
  await worker.evaluate(async (d) => {
    const { settings } = await chrome.storage.local.get('settings');
    const current = (settings ?? { version: 1, detection: {} }) as { detection: Record<string, unknown> };
    await chrome.storage.local.set({ settings: { ...current, version: 1, detection: { ...current.detection, ...d } } });
  }, detection);
}
