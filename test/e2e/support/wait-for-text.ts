import type { Page } from 'puppeteer-core';

/** The text of the element with `data-testid="<testId>"` ('' when it has none). */
export function testIdText(page: Page, testId: string): Promise<string> {
  return page.$eval(`[data-testid="${testId}"]`, (el) => el.textContent ?? '');
}

/**
 * Waits until the text of the element with `data-testid="<testId>"` matches `pattern` and returns it. Polls on a
 * timer: `requestAnimationFrame` (puppeteer's default) never fires in a background tab. Chromium tests bring the page
 * to the front first (`waitForTestId` in sip-bed.ts); Firefox tests do not, so the phone window keeps the focus.
 */
export async function waitForText(page: Page, testId: string, pattern: RegExp, timeout = 10_000): Promise<string> {
  await page.waitForFunction(
    (id, source, flags) => new RegExp(source, flags).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
    { timeout, polling: 100 },
    testId,
    pattern.source,
    pattern.flags,
  );
  return testIdText(page, testId);
}
