import type { Frame, Page } from 'puppeteer-core';

/** Waits until the number of our links has not changed for `quietMs`. */
export async function waitForLinksToSettle(page: Page | Frame, quietMs = 600, timeoutMs = 15_000): Promise<number> {
  const start = Date.now();
  let last = -1;
  let since = Date.now();
  for (;;) {
    const count = await page.evaluate(() => document.querySelectorAll('a[data-dialable]').length);
    if (count !== last) {
      last = count;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return count;
    }
    if (Date.now() - start > timeoutMs) return count;
    await new Promise((r) => setTimeout(r, 100));
  }
}
