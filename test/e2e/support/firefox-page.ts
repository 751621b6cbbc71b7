import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = resolve('dist/firefox');
export const GECKO_ID = 'dialable@dialable.dev';
/** Fixed through `extensions.webextensions.uuids`, so tests know the moz-extension:// origin. */
export const FIREFOX_UUID = '6d1c3f0e-6b8a-4c55-9a57-5d2f1b0e7a11';
export const FIREFOX_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

/** Firefox ESR over WebDriver BiDi with the Firefox build installed as a temporary add-on (see TESTING.md). */
export async function launchFirefox(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'dialable-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'media.navigator.streams.fake': true,
    },
    protocolTimeout: 20_000,
  });
  browser.once('disconnected', () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 }));
  await browser.installExtension(FIREFOX_DIST);
  return browser;
}

/**
 * Opens one of our pages in a new tab. BiDi's `goto` to a moz-extension:// URL never settles (TESTING.md): start the
 * navigation, then wait for the page to be ours.
 */
export async function openFirefoxPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(`${FIREFOX_ORIGIN}/${path}`).catch(() => undefined);
  await page.waitForFunction(() => location.protocol === 'moz-extension:' && document.readyState === 'complete', { polling: 100, timeout: 10_000 });
  return page;
}
