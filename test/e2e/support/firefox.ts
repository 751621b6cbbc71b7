import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The store build (what users install). */
export const FIREFOX_DIST = resolve('dist/firefox');
/** The same build with a CSP that lets ws://127.0.0.1 through (see vite.config.ts); used by the calling tests only. */
export const FIREFOX_TEST_DIST = resolve('dist/firefox-test');
export const GECKO_ID = 'dialable@dialable.dev';
/** Fixed through `extensions.webextensions.uuids`, so tests know our moz-extension:// URLs. */
export const FIREFOX_UUID = '5f1c1d2e-6a7b-4c8d-9e0f-d1a1ab1e0001';
export const FIREFOX_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

export interface FirefoxOptions {
  extensionDir?: string;
  /** Origins that hold a remembered microphone "Allow", as after a user accepted the prompt and ticked Remember. */
  microphoneOrigins?: string[];
  /** `extensions.background.idle.timeout` in ms (Firefox's default is 30 s). */
  eventPageIdleMs?: number;
  /** More prefs (e.g. other add-on uuids for test/tools/firefox-host-probe.ts). */
  prefs?: Record<string, string | number | boolean>;
}

/**
 * Writes the remembered permissions into a fresh profile's permissions.sqlite (schema version 12, as Firefox 153
 * creates it). WebDriver BiDi cannot grant the microphone in Firefox 153, and `media.navigator.permission.disabled`
 * would skip the very check production goes through.
 */
function writePermissions(profile: string, origins: string[]): void {
  if (origins.length === 0) return;
  const now = Date.now();
  const rows = origins.map((o) => `('${o.replace(/'/g, "''")}','microphone',1,0,0,${now})`).join(',');
  execFileSync('sqlite3', [
    join(profile, 'permissions.sqlite'),
    'PRAGMA user_version=12; CREATE TABLE moz_perms (id INTEGER PRIMARY KEY, origin TEXT, type TEXT, permission INTEGER, ' +
      `expireType INTEGER, expireTime INTEGER, modificationTime INTEGER); INSERT INTO moz_perms (origin, type, permission, expireType, expireTime, modificationTime) VALUES ${rows};`,
  ]);
}

/**
 * Firefox ESR over WebDriver BiDi with a throw-away profile (removed on close) and optionally our build installed as
 * a temporary add-on. Fake microphone (`media.navigator.streams.fake`), real permission checks
 * (`media.navigator.permission.fake`).
 */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'dialable-firefox-'));
  writePermissions(profile, options.microphoneOrigins ?? []);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    userDataDir: profile,
    // Lets BiDi navigate a tab to moz-extension:// pages (the goto promise never settles: see openFirefoxPage).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'media.navigator.streams.fake': true,
      'media.navigator.permission.fake': true,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      ...(options.eventPageIdleMs ? { 'extensions.background.idle.timeout': options.eventPageIdleMs } : {}),
      ...options.prefs,
    },
    protocolTimeout: 20_000,
  });
  // Firefox's content processes may still write the profile after the main one exits: remove it after close(),
  // retrying, and as a last resort when this Node process exits.
  const close = browser.close.bind(browser);
  const removeProfile = () => rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  browser.close = async () => {
    await close();
    await removeProfile().catch(() => undefined);
  };
  process.once('exit', () => {
    try {
      rmSync(profile, { recursive: true, force: true });
    } catch {
      // Still in use by a Firefox that outlived us; the temp dir is the OS's to clean.
    }
  });
  if (options.extensionDir) await browser.installExtension(options.extensionDir);
  return browser;
}

/**
 * A new page in its own normal window. BiDi opens a new *tab* in the most recently focused window, which can be our
 * phone window: the phone page would then be a hidden background tab (no microphone) and the test would test that.
 */
export function newWindowPage(browser: Browser): Promise<Page> {
  return browser.newPage({ type: 'window' });
}

/** Opens one of our pages in a new window. BiDi never settles a navigation to moz-extension://, so wait for it. */
export async function openFirefoxPage(browser: Browser, path: string): Promise<Page> {
  const page = await newWindowPage(browser);
  const url = `${FIREFOX_ORIGIN}/${path}`;
  page.goto(url).catch(() => undefined);
  await waitUntil(async () => (await page.evaluate(() => location.href).catch(() => '')) === url, 10_000, `${path} to load`);
  await page.waitForFunction(() => document.readyState === 'complete', { polling: 100, timeout: 10_000 });
  return page;
}

/** The first open page (tab or window) whose document is at `path` under our origin; `page.url()` may lag behind. */
export async function findFirefoxPage(browser: Browser, path: string, timeout = 10_000): Promise<Page> {
  let found: Page | undefined;
  await waitUntil(
    async () => {
      for (const page of await browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(`${FIREFOX_ORIGIN}/${path}`)) {
          found = page;
          return true;
        }
      }
      return false;
    },
    timeout,
    `a page at ${path}`,
  );
  return found!;
}

export async function waitUntil(check: () => Promise<boolean>, timeout: number, what: string): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Writes detection settings into extension storage from the welcome page (opened on install), as the options page would. */
export async function setFirefoxSettings(browser: Browser, detection: Record<string, unknown>): Promise<void> {
  const page = await findFirefoxPage(browser, 'popup/welcome.html');
  await page.evaluate(async (d) => {
    const { settings } = await chrome.storage.local.get('settings');
    const current = (settings ?? { version: 1, detection: {} }) as { detection: Record<string, unknown> };
    await chrome.storage.local.set({ settings: { ...current, version: 1, detection: { ...current.detection, ...d } } });
  }, detection);
}
