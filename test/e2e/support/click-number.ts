import type { Page } from 'puppeteer-core';
import type { StaticServer } from './static-server';

/** Opens the click fixture page in `page` and clicks (trusted) its first plain linked number; returns the page. */
export async function clickNumber(page: Page, fixtures: StaticServer): Promise<Page> {
  await page.goto(`${fixtures.url}/interactive/clicks.html`);
  const link = await page.waitForSelector('#plain a[data-dialable]:not([data-dialable-part])', { timeout: 10_000 });
  await link!.click();
  return page;
}
