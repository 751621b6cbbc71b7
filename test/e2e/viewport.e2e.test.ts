import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectLinkedNearFoldOnly, LONG_TABLE, rowLinked, rowNumber, scrollToRowUntilLinked } from './support/long-table';
import { startLinkingBrowser, type LinkingBrowser } from './support/linking-browser';
import { waitForLinksToSettle } from './support/settle';
import { waitUntil } from './support/wait-until';
import type { StaticServer } from './support/static-server';

/**
 * A large page is linked where the user looks: the numbers in view and near it at once, the rest as they come near
 * (issue 24). The long table has 2,000 numbers; a real user reaches one only by scrolling, Tab or find-in-page,
 * and each of these must find it linked, with the page's text unchanged.
 */
let bed: LinkingBrowser | undefined;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  bed = await startLinkingBrowser('GB');
  ({ browser, server } = bed);
});
afterAll(async () => {
  await bed?.close();
});

async function openLongTable(): Promise<Page> {
  const page = await browser.newPage();
  await page.bringToFront();
  await page.goto(`${server.url}${LONG_TABLE}`);
  await page.waitForSelector('#row-0 a[data-dialable]', { timeout: 10_000 });
  await waitForLinksToSettle(page, 800);
  return page;
}

describe('a large page is linked where the user looks', () => {
  test('numbers in view and a screen below are linked at load, one far below only once scrolled to', async () => {
    const page = await openLongTable();
    await expectLinkedNearFoldOnly(page);
    await scrollToRowUntilLinked(page, 1500);
    expect(await page.$eval('#row-1500 a[data-dialable]', (a) => [a.getAttribute('data-dialable'), a.getAttribute('href')])).toEqual([rowNumber(1500), `tel:${rowNumber(1500)}`]);
    // The end of the page (a jump, as the End key makes) too.
    await scrollToRowUntilLinked(page, 1999);
    await page.close();
  });

  test('Tab reaches every number in order, at a fast typist\'s pace, past the rows linked at load', async () => {
    const page = await openLongTable();
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__focused', { value: seen });
      document.addEventListener('focusin', (e) => seen.push((e.target as Element).getAttribute('data-dialable') ?? (e.target as Element).localName));
    });
    const presses = 200;
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press('Tab');
      await new Promise((r) => setTimeout(r, 30));
    }
    const focused = (await page.evaluate(() => (window as unknown as { __focused: string[] }).__focused)) as string[];
    const expected = ['+12133739999', ...Array.from({ length: presses - 1 }, (_, i) => rowNumber(i))];
    expect(focused).toEqual(expected);
    await page.close();
  });

  test('find-in-page finds a number that is not linked yet, and selection and copy read the same text before and after linking', async () => {
    const page = await openLongTable();
    expect(await rowLinked(page, 1700)).toBe(false);
    const readRows = () =>
      page.evaluate(() => {
        const range = document.createRange();
        range.setStartBefore(document.getElementById('row-1690') as Element);
        range.setEndAfter(document.getElementById('row-1710') as Element);
        return { range: range.toString(), inner: (document.getElementById('contacts') as HTMLElement).innerText };
      });
    const before = await readRows();
    // window.find is the engine of Chrome's find bar: it selects the match and scrolls it into view.
    const found = await page.evaluate(() => (window as unknown as { find(text: string): boolean }).find('+1 213-373-1700'));
    expect(found).toBe(true);
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('+1 213-373-1700');
    await page.waitForSelector('#row-1700 a[data-dialable]', { timeout: 10_000 });
    expect(await readRows()).toEqual(before);
    await page.close();
  });

  test('past the first few hundred numbers, the numbers of many small tables and the text after them are linked once scrolled to', async () => {
    const page = await browser.newPage();
    await page.bringToFront();
    await page.goto(`${server.url}/interactive/small-tables.html`);
    await page.waitForSelector('#desks a[data-dialable]', { timeout: 10_000 });
    await waitForLinksToSettle(page, 800);
    expect(await page.$eval('#office-299', (el) => el.querySelector('a[data-dialable]') === null)).toBe(true);
    // Each table's end is found from its own rows; a wrong end would shift every number after it.
    const targets: Array<[string, string]> = [['#office-150', '+12133735150'], ['#office-299', '+12133735299'], ['#last', '+12133739999']];
    for (const [selector, number] of targets) {
      await page.$eval(selector, (el) => el.scrollIntoView({ block: 'center' }));
      await waitUntil(
        () => page.$eval(selector, (el, n: string) => el.querySelector(`a[data-dialable="${n}"]`) !== null, number),
        15_000,
        `${number} linked in ${selector} after scrolling to it`,
      );
    }
    await page.close();
  });

  test('printing links nothing new', async () => {
    const page = await openLongTable();
    const count = () => page.evaluate(() => document.querySelectorAll('a[data-dialable]').length);
    const before = await count();
    await page.pdf({ format: 'A4' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await count()).toBe(before);
    expect(await rowLinked(page, 1999)).toBe(false);
    await page.close();
  });
});
