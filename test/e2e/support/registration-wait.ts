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
 * try N−1…N s ahead: with N ≥ 3 the restart (about 1–2 s) starts at once, or N − 4 s later for a far try, so the
 * server listens before the try and at most about 4 s ahead of it (4.5 s left too little room for the try itself in Firefox). A try only 1–2 s away is let fail first (the
 * server is still down then) and the next one is used. Answers when Kamailio listened again.
 */
export async function restartBeforeNextTry(page: Page, sip: Kamailio): Promise<number> {
  let last = '';
  for (;;) {
    const text = await page.$eval('[data-testid="registration"]', (el) => el.textContent ?? '');
    const seconds = Number(/Next try in (\d+) s/.exec(text)?.[1] ?? 0);
    if (text !== last && seconds >= 3) {
      await new Promise((r) => setTimeout(r, Math.max(0, seconds - 4) * 1000));
      break;
    }
    last = text;
    await new Promise((r) => setTimeout(r, 50));
  }
  await sip.restart();
  return Date.now();
}
