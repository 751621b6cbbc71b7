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

/**
 * Scrolls the page from top to bottom a screen at a time, as a reader would: a large page links its numbers as
 * they come near the viewport, so a test that checks every number of one must bring each near first.
 */
export async function scrollThrough(page: Page, pauseMs = 150): Promise<void> {
  await page.evaluate(() => scrollTo(0, 0));
  for (;;) {
    const moved = await page.evaluate(() => {
      const before = scrollY;
      scrollBy(0, innerHeight);
      return scrollY !== before;
    });
    await new Promise((r) => setTimeout(r, pauseMs));
    if (!moved) return;
  }
}
