import type { Page } from 'puppeteer-core';
import type { StaticServer } from './static-server';

/**
 * Opens the hostile fixture page (test/fixtures/interactive/attacks.html) in `page`, with `frame` (a URL, usually on
 * another origin) loaded into its ad frame, and waits until our content script has linked its numbers.
 */
export async function openAttackPage(page: Page, fixtures: StaticServer, frame?: string): Promise<Page> {
  const query = frame === undefined ? '' : `?frame=${encodeURIComponent(frame)}`;
  await page.goto(`${fixtures.url}/interactive/attacks.html${query}`);
  await page.waitForSelector('#reception a[data-dialable]', { timeout: 10_000 });
  return page;
}

/** A trusted mouse click (puppeteer's input goes through the browser) at the middle of the element's box. */
export async function clickAtMiddle(page: Page, selector: string): Promise<void> {
  const box = await page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
}

/** Waits for the ad frame's (`#ad`, test/fixtures/interactive/ad.html) linked number and clicks it with the mouse. */
export async function clickAdFrameLink(page: Page): Promise<void> {
  const frame = (await (await page.$('#ad'))!.contentFrame())!;
  await frame.waitForSelector('#hotline a[data-dialable]', { timeout: 10_000 });
  const offset = await page.$eval('#ad', (el) => el.getBoundingClientRect().toJSON() as DOMRect);
  const box = await frame.$eval('#ad-link', (el) => el.getBoundingClientRect().toJSON() as DOMRect);
  await page.mouse.click(offset.left + box.left + box.width / 2, offset.top + box.top + box.height / 2);
}

/**
 * Twelve trusted clicks (`click`: the test's way to click in its browser) on the attack page's number that nobody
 * has, as fast as they come, then 2.1 s: the per-tab dial limit's window is over, so a further click is heard, and
 * it is processed after every click of the flood.
 */
export async function floodClicks(page: Page, click: (page: Page, selector: string) => Promise<void>): Promise<void> {
  for (let i = 0; i < 12; i++) await click(page, '#unknown-number');
  await new Promise((r) => setTimeout(r, 2_100));
}
