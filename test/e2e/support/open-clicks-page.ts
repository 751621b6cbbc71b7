import type { Browser, Page } from 'puppeteer-core';
import { waitForLinksToSettle } from './settle';
import type { StaticServer } from './static-server';

/** A new tab with the click fixture page, once our content script has linked its numbers. */
export async function openClicksPage(browser: Browser, fixtures: StaticServer): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${fixtures.url}/interactive/clicks.html`);
  await waitForLinksToSettle(page, 300);
  return page;
}
