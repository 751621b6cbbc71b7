/**
 * A baseline extension measured exactly like Dialable (measureContentScript: profiled tabs with and without it),
 * in a browser of its own: profile attribution counts the frames of any extension, so each browser loads one.
 */
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../e2e/support/chromium';
import { closeBrowser } from './close-browser';
import { measureContentScript, type BenchPage, type ContentScriptRuns } from './measure-content-script';

/** `prepare` runs once the browser is up, before the first load (e.g. to change the extension's settings). */
export async function measureLoneExtension(folder: string, page: BenchPage, runs: number, prepare?: (browser: Browser) => Promise<void>): Promise<ContentScriptRuns> {
  const browser = await launchChromium({ extensionDir: folder });
  try {
    await prepare?.(browser);
    const withoutExtension = await browser.createBrowserContext();
    const options = { runs, naiveCode: '', naiveRepeatBelowMs: 0, baselines: false };
    return await measureContentScript(browser.defaultBrowserContext(), withoutExtension, page, options);
  } finally {
    await closeBrowser(browser);
  }
}
