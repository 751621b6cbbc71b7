import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { waitUntil } from './wait-until';

/** The fixture with 2,000 contacts (test/fixtures/interactive/long-table.html): row i holds +1 213-373-i, row 1900 the peer. */
export const LONG_TABLE = '/interactive/long-table.html';

/** The number row `i` of the long table links (E.164). */
export function rowNumber(i: number): string {
  return i === 1900 ? '+442079460958' : `+1213373${String(i).padStart(4, '0')}`;
}

/** Whether row `i`'s phone cell holds our link. */
export function rowLinked(page: Page, i: number): Promise<boolean> {
  return page.$eval(`#row-${i}`, (row) => (row as HTMLTableRowElement).cells[1]?.querySelector('a[data-dialable]') !== null);
}

/** Rows of the long table that show in the viewport now, wholly or in part. */
export function rowsInView(page: Page): Promise<number[]> {
  // Inside one evaluate: a handle per row would cost Firefox's WebDriver BiDi seconds.
  return page.evaluate(() =>
    [...document.querySelectorAll('#contacts tr')].flatMap((row, i) => {
      const box = row.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight ? [i] : [];
    }),
  );
}

/** For every row of the long table, whether its phone cell holds our link. */
export function linkedRows(page: Page): Promise<boolean[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#contacts tr')].map((tr) => (tr as HTMLTableRowElement).cells[1]?.querySelector('a[data-dialable]') !== null),
  );
}

/**
 * Scrolls row `i` to the top of the viewport and waits until every row then in view is linked. (How soon is the
 * bench's figure: on a loaded machine a round trip to the page alone can take seconds.)
 */
export async function scrollToRowUntilLinked(page: Page, i: number, timeoutMs = 15_000): Promise<void> {
  await page.$eval(`#row-${i}`, (row) => row.scrollIntoView({ block: 'start' }));
  const rows = await rowsInView(page);
  if (!rows.includes(i)) throw new Error(`row ${i} is not in view after scrolling to it`);
  const allLinked = async () => {
    const linked = await linkedRows(page);
    return rows.every((r) => linked[r]);
  };
  await waitUntil(allLinked, timeoutMs, `rows ${rows[0]}–${rows.at(-1)} linked after scrolling to them`);
}

/**
 * Right after load: every row up to a screen below the fold is linked (before the user can scroll there), and row
 * 1500, far below, is not yet.
 */
export async function expectLinkedNearFoldOnly(page: Page): Promise<void> {
  const inView = await rowsInView(page);
  expect(inView.length).toBeGreaterThan(10);
  const last = inView.at(-1) as number;
  const rows = await linkedRows(page);
  expect(rows.slice(0, last + inView.length).every(Boolean)).toBe(true);
  expect(await rowLinked(page, 1500)).toBe(false);
}
