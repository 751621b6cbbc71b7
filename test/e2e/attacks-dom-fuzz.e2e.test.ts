import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_ORIGIN } from './support/extension';
import { waitForLinksToSettle } from './support/settle';
import type { StaticServer } from './support/static-server';
import { startLinkingBrowser, type LinkingBrowser } from './support/linking-browser';

/**
 * Hostile DOM for the content script (Chromium): 5,000 levels of nesting, a single 1 MB text node, random Unicode
 * with surrogate halves, combining marks and bidi controls. The content script throws nothing and logs no error,
 * the page's text is exactly what it was, and the numbers in it are still linked.
 */
let browser: Browser;
let server: StaticServer;

let bed: LinkingBrowser | undefined;

beforeAll(async () => {
  bed = await startLinkingBrowser('US');
  ({ browser, server } = bed);
});
afterAll(async () => {
  await bed?.close();
});

/** Exceptions and error/warning console lines from every world of the page, our content script's included. */
async function watchErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  const cdp = await page.createCDPSession();
  const ours = new Set<number>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === EXTENSION_ORIGIN) ours.add(context.id);
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => errors.push(exceptionDetails.exception?.description ?? exceptionDetails.text));
  cdp.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }) => {
    if (ours.has(executionContextId) && (type === 'error' || type === 'warning')) errors.push(args.map((a) => a.value ?? a.description).join(' '));
  });
  await cdp.send('Runtime.enable');
  return errors;
}

describe('hostile DOM: the content script throws nothing and changes no text', () => {
  test.each([
    ['deep', '5,000 levels of nesting', 50],
    ['big', 'one 1 MB text node', 1],
    ['unicode', 'random Unicode with surrogate halves, combining marks and bidi controls', 1],
  ])('%s: %s', async (kind, _what, minLinks) => {
    const page = await browser.newPage();
    const errors = await watchErrors(page);
    await page.goto(`${server.url}/interactive/fuzz.html?kind=${kind}`);
    await page.waitForFunction(() => document.body.dataset.done === '1', { timeout: 60_000 });
    await page.waitForSelector('a[data-dialable]', { timeout: 40_000 });
    await waitForLinksToSettle(page, 1_500, 40_000);
    const links = await page.$$eval('a[data-dialable]', (as) => as.length);
    expect(links).toBeGreaterThanOrEqual(minLinks);
    const diff = await page.evaluate(() => {
      const before = (window as unknown as { textBefore: string }).textBefore;
      const after = document.querySelector('main')?.textContent ?? '';
      let i = 0;
      while (i < before.length && before[i] === after[i]) i++;
      return i === before.length && after.length === before.length ? '' : JSON.stringify([before.length, after.length, before.slice(i - 20, i + 40), after.slice(i - 20, i + 40)]);
    });
    if (diff) throw new Error(`text changed: ${diff}`);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
