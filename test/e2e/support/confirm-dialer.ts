import type { Browser, Page, Target } from 'puppeteer-core';
import { EXTENSION_ORIGIN } from './extension';
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
