import type { Page } from 'puppeteer-core';
import type { Kamailio } from '../sip/kamailio';

/** What the popup says once alice is registered. */
export const REGISTERED = /^Registered as alice@/;

/**
 * Waits until the page's registration sentence matches, reading it every 100 ms (one long `waitForFunction` would
 * outlast puppeteer's protocol timeout), and answers how long that took.
 */
export async function waitForRegistration(page: Page, pattern: RegExp, timeout: number): Promise<number> {
  await page.bringToFront();
  const start = Date.now();
  for (;;) {
    const text = await page.$eval('[data-testid="registration"]', (el) => el.textContent ?? '');
    if (pattern.test(text)) return Date.now() - start;
    if (Date.now() - start > timeout) throw new Error(`registration never matched ${pattern} in ${timeout} ms; it says: ${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Restarts Kamailio timed against the engine's next try, so a test measures "registered within 5 s of the server
 * listening" rather than where the random backoff put the try. The popup says "Next try in N s" when it schedules a
 * try N−1…N s ahead, and Firefox's minimized phone window runs that timer up to about a second late. A restart takes
 * well under a second, so starting it N − 2.5 s after the sentence appeared has the server listening at least about
 * a second before the earliest try and about 3.5 s before the latest. A try under 3 s away is let fail first (the
 * server is still down then) and the next one is used. Answers when Kamailio listened again.
 */
export async function restartBeforeNextTry(page: Page, sip: Kamailio): Promise<number> {
  let last = '';
  for (;;) {
    const text = await page.$eval('[data-testid="registration"]', (el) => el.textContent ?? '');
    const seconds = Number(/Next try in (\d+) s/.exec(text)?.[1] ?? 0);
    if (text !== last && seconds >= 3) {
      await new Promise((r) => setTimeout(r, (seconds - 2.5) * 1000));
      break;
    }
    last = text;
    await new Promise((r) => setTimeout(r, 50));
  }
  await sip.restart();
  return Date.now();
}
