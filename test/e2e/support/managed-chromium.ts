import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from './chromium';
import { writeExtensionPolicy } from './chromium-policy';
import { CHROME_DIST } from './extension';
import { copyWithNewId, type ExtensionCopy } from './extension-copy';

export interface ManagedChromium {
  browser: Browser;
  ext: ExtensionCopy;
  /** Opens `url` in a new tab. */
  open(url: string): Promise<Page>;
  /** Closes the browser, then always removes the policy file and the build copy. */
  close(): Promise<void>;
}

/**
 * Chromium with a real policy for a copy of the build with its own id (the policy file applies to that id alone), once
 * the extension sees the policy: `chrome.storage.managed` has `readyKey`.
 */
export async function startManagedChromium(policy: Record<string, unknown>, readyKey: string): Promise<ManagedChromium> {
  const ext = copyWithNewId(CHROME_DIST);
  const written = writeExtensionPolicy(ext.id, policy);
  let browser: Browser | undefined;
  const close = async () => {
    try {
      await browser?.close();
    } finally {
      written.remove();
      ext.remove();
    }
  };
  try {
    const started = await launchChromium({ extensionDir: ext.dir });
    browser = started;
    const open = async (url: string) => {
      const page = await started.newPage();
      await page.goto(url);
      return page;
    };
    const control = await open(`${ext.origin}/popup/welcome/welcome.html#control`);
    await control.waitForFunction(async (key) => (await chrome.storage.managed.get())[key] !== undefined, { timeout: 15_000, polling: 250 }, readyKey);
    return { browser: started, ext, open, close };
  } catch (error) {
    await close();
    throw error;
  }
}
