import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFixtureServer } from './support/fixture-server';
import { FIREFOX_DIST, launchFirefox, newWindowPage, setFirefoxSettings } from './support/firefox';
import { expectLinkedNearFoldOnly, LONG_TABLE, rowNumber, scrollToRowUntilLinked } from './support/long-table';
import type { StaticServer } from './support/static-server';
import { waitForLinksToSettle } from './support/settle';

/** Firefox links a large page where the user looks too (issue 24; the Chromium side is viewport.e2e). */
let browser: Browser | undefined;
let server: StaticServer | undefined;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchFirefox({ extensionDir: FIREFOX_DIST });
  await setFirefoxSettings(browser, { enabled: true, defaultCountry: 'GB', disabledSites: [], linkStyle: 'dotted' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('Firefox: the numbers in view and a screen below are linked at load, one far below once scrolled to', async () => {
  const page: Page = await newWindowPage(browser as Browser);
  await page.goto(`${(server as StaticServer).url}${LONG_TABLE}`);
  await page.waitForSelector('#row-0 a[data-dialable]', { timeout: 15_000 });
  await waitForLinksToSettle(page, 1_500);
  await expectLinkedNearFoldOnly(page);
  await scrollToRowUntilLinked(page, 1500);
  expect(await page.$eval('#row-1500 a[data-dialable]', (a) => a.getAttribute('data-dialable'))).toBe(rowNumber(1500));
  await page.close();
});
