import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIREFOX_DIST, launchFirefox, openFirefoxPage } from './support/firefox';

/**
 * The Firefox build's background (an MV3 event page) wires the same menus, shortcuts and router as Chrome's worker.
 * This checks from our own page, against the store build, that the router answers, both menu items exist and the
 * shortcuts are registered; firefox-calls.e2e.test.ts works the real context menu (onShown, onClicked) end to end.
 */
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchFirefox({ extensionDir: FIREFOX_DIST });
  page = await openFirefoxPage(browser, 'popup/options/options.html');
});

afterAll(async () => {
  await browser?.close();
});

describe('Firefox background', () => {
  test('the router in the event page answers our pages', async () => {
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:ensure-engine', payload: {} }));
    expect(reply).toEqual({ ok: true });
  });

  test('both context-menu items exist (created on install; updating a missing one fails)', async () => {
    const result = await page.evaluate(() => {
      const menus = (globalThis as unknown as { browser: { menus: { update(id: string, props: object): Promise<void> } } }).browser.menus;
      return Promise.all(['call-selection', 'call-link'].map((id) => menus.update(id, {}))).then(
        () => 'ok',
        (e: unknown) => String(e),
      );
    });
    expect(result).toBe('ok');
  });

  test('the four shortcuts are registered with their default keys', async () => {
    const commands = await page.evaluate(async () => (await chrome.commands.getAll()).map((c) => `${c.name}=${c.shortcut}`).sort());
    expect(commands).toEqual(expect.arrayContaining(['answer=Alt+Shift+Y', 'call-selection=Alt+Shift+L', 'hang-up=Alt+Shift+H', 'open-dialer=Alt+Shift+D']));
  });
});
