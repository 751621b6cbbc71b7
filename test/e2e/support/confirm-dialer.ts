import type { Browser, Page, Target } from 'puppeteer-core';
import { EXTENSION_ORIGIN } from './extension';
import { findFirefoxPage } from './firefox';
import { waitForTestId } from './sip-bed';

/** The dialer window the background opened with a request id (its reason waits in storage.session). */
export const isConfirmDialer = (t: Target): boolean => t.url().startsWith(`${EXTENSION_ORIGIN}/popup/dialer/popup.html?`) && t.url().includes('request=');

/** The confirm dialer the background opened: its number field, its reason, and the page to press Call on. */
export async function waitForConfirmDialer(browser: Browser, reason: RegExp): Promise<{ page: Page; number: string; reason: string }> {
  const target = await browser.waitForTarget(isConfirmDialer, { timeout: 10_000 });
  const page = (await target.asPage())!;
  const shown = await waitForTestId(page, 'confirm-reason', reason);
  const number = await page.$eval('[data-testid="dial-input"]', (el) => (el as HTMLInputElement).value);
  return { page, number, reason: shown };
}

/** Firefox: the confirm dialer window (found over WebDriver BiDi), once it shows a reason matching `reason`. */
export async function waitForFirefoxConfirmDialer(browser: Browser, reason: RegExp): Promise<{ page: Page; number: string; reason: string }> {
  const page = await findFirefoxPage(browser, 'popup/dialer/popup.html?dial=');
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[data-testid="confirm-reason"]')?.textContent ?? ''),
    { polling: 100, timeout: 10_000 },
    reason.source,
  );
  return {
    page,
    number: await page.$eval('[data-testid="dial-input"]', (el) => (el as HTMLInputElement).value),
    reason: await page.$eval('[data-testid="confirm-reason"]', (el) => el.textContent ?? ''),
  };
}
