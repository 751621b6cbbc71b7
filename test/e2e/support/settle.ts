import type { Frame, Page } from 'puppeteer-core';

/** A page whose numbers are known: once that many are linked, a shorter stillness ends the wait. */
export interface ExpectedLinks {
  /** Numbers (first pieces of links) the page should end with. */
  numbers: number;
  /** Stillness that ends the wait once they are all there (ms). */
  quietMs: number;
}

/**
 * Waits until the number of our links has not changed for `quietMs` (or `expected.quietMs` once the expected numbers
 * are linked: a link still to come is then an extra, which the same stillness would catch).
 */
export async function waitForLinksToSettle(page: Page | Frame, quietMs = 600, timeoutMs = 15_000, expected?: ExpectedLinks): Promise<number> {
  const start = Date.now();
  let last = -1;
  let since = Date.now();
  for (;;) {
    const { count, numbers } = await page.evaluate(() => ({
      count: document.querySelectorAll('a[data-dialable]').length,
      numbers: document.querySelectorAll('a[data-dialable]:not([data-dialable-part])').length,
    }));
    const quiet = expected && numbers >= expected.numbers ? Math.min(quietMs, expected.quietMs) : quietMs;
    if (count !== last) {
      last = count;
      since = Date.now();
    } else if (Date.now() - since >= quiet) {
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
