import type { Browser, CDPSession, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROME_DIST, controlPage, evaluateInContentScript } from './support/extension';
import { waitForLinksToSettle } from './support/settle';
import type { StaticServer } from './support/static-server';
import { waitUntil } from './support/wait-until';
import { startLinkingBrowser, type LinkingBrowser } from './support/linking-browser';

let browser: Browser;
let server: StaticServer;

let bed: LinkingBrowser | undefined;

beforeAll(async () => {
  bed = await startLinkingBrowser('GB');
  ({ browser, server } = bed);
});
afterAll(async () => {
  await bed?.close();
});

/**
 * Everything the page's contexts write to the console or throw, isolated worlds included (a content script's
 * `console.warn` and uncaught errors are reported on the page's own target, as DevTools shows them).
 */
async function recordConsole(page: Page): Promise<{ lines: string[]; cdp: CDPSession }> {
  const lines: string[] = [];
  const cdp = await page.createCDPSession();
  cdp.on('Runtime.consoleAPICalled', ({ type, args }) => {
    lines.push(`${type}: ${args.map((a) => String(a.value ?? a.description ?? '')).join(' ')}`);
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
    lines.push(`exception: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  });
  await cdp.send('Runtime.enable');
  return { lines, cdp };
}

/** True once one of our pages loads and runs again, i.e. the reloaded extension is enabled (and its content scripts registered). */
async function extensionBack(): Promise<boolean> {
  try {
    const control = await controlPage(browser);
    return await control.evaluate(() => typeof chrome.runtime?.id === 'string');
  } catch {
    return false;
  }
}

const linkCount = (frame: Page | Frame) => frame.evaluate(() => document.querySelectorAll('a[data-dialable]').length);

describe('content-script lifetime (the extension context goes away under an open page)', () => {
  test('after an extension reload the old instance stops: its links stay, it links nothing new and logs no errors; new frames get the new instance', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/contact-gb.html`);
    const before = await waitForLinksToSettle(page, 300);
    expect(before).toBeGreaterThan(0);
    const { lines, cdp } = await recordConsole(page);

    // Loading the unpacked folder again is what an update does: the old instance's extension context goes away.
    await browser.installExtension(CHROME_DIST);
    // (A context torn down outright would be just as gone.)
    const idInOldInstance = () => evaluateInContentScript(page, 'chrome.runtime?.id ?? null').catch(() => null);
    await waitUntil(async () => (await idInOldInstance()) === null, 15_000, 'the old content script to lose its extension context');
    await waitUntil(extensionBack, 15_000, 'the reloaded extension');

    // The page changes: a number in the old instance's document, and a frame the new extension injects itself into.
    await page.evaluate((frameUrl) => {
      const late = document.createElement('p');
      late.id = 'late';
      late.textContent = 'Added later: 020 7946 0123';
      document.body.append(late);
      const frame = document.createElement('iframe');
      frame.src = frameUrl;
      document.body.append(frame);
    }, `${server.url}/contact-gb.html`);
    const frameHandle = await page.waitForSelector('iframe');
    const frame = (await frameHandle?.contentFrame()) as Frame;
    // The new instance (in the frame) links its numbers: the old one has had as long to react to its own change.
    await waitUntil(async () => (await linkCount(frame).catch(() => 0)) > 0, 15_000, 'the new content script to link the frame');
    await waitForLinksToSettle(frame, 300);

    expect(await page.$$eval('#late a', (as) => as.length)).toBe(0);
    expect(await page.$eval('#late', (p) => p.textContent)).toBe('Added later: 020 7946 0123');
    expect(await linkCount(page)).toBe(before);
    expect(lines.filter((line) => /context invalidated|Dialable/i.test(line))).toEqual([]);
    await cdp.detach();
    await page.close();
  });
});
