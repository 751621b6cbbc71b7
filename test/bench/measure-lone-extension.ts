/**
 * A baseline extension measured exactly like Dialable (measureContentScript: profiled tabs with and without it),
 * in a browser of its own: profile attribution counts the frames of any extension, so each browser loads one.
 */
import { launchChromium } from '../e2e/support/chromium';
import { closeBrowser } from './close-browser';
import { measureContentScript, type BenchPage, type ContentScriptRuns } from './measure-content-script';

export async function measureLoneExtension(folder: string, page: BenchPage, runs: number): Promise<ContentScriptRuns> {
  const browser = await launchChromium({ extensionDir: folder });
  try {
    const withoutExtension = await browser.createBrowserContext();
    const options = { runs, naiveCode: '', naiveRepeatBelowMs: 0, baselines: false };
    return await measureContentScript(browser.defaultBrowserContext(), withoutExtension, page, options);
  } finally {
    await closeBrowser(browser);
  }
}
