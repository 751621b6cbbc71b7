import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { trustCa } from './trust-ca';
import { waitUntil } from './wait-until';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
  /** Show the window (`npm start -- --firefox` on a desktop); tests run headless. */
  headless?: boolean;
  /** CA certificates (PEM files) the profile trusts for TLS servers: written into its cert9.db before start. */
  trustedCaPaths?: string[];
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
  try {
    return await launchFirefoxOnce(options);
  } catch (error) {
    // Firefox can take longer than the protocol timeout to open its BiDi session while another browser starts on the
    // same 2 cores; puppeteer has closed that process. Once more, with a new profile.
    if (!/session\.new timed out/.test(String(error))) throw error;
    return launchFirefoxOnce(options);
  }
}

async function launchFirefoxOnce(options: FirefoxOptions): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'dialable-firefox-'));
  writePermissions(profile, options.microphoneOrigins ?? []);
  (options.trustedCaPaths ?? []).forEach((ca, i) => trustCa(profile, ca, `dialable-test-ca-${i}`));
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      protocol: 'webDriverBiDi',
      headless: options.headless ?? true,
      userDataDir: profile,
      // Lets BiDi navigate a tab to moz-extension:// pages (the goto promise never settles: see openFirefoxPage).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'media.navigator.streams.fake': true,
        'media.navigator.permission.fake': true,
        // As Chromium's --autoplay-policy=no-user-gesture-required: the test peers' tones (Web Audio) play without a
        // click on their page.
        'media.autoplay.default': 0,
        'media.autoplay.block-webaudio': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        ...(options.eventPageIdleMs ? { 'extensions.background.idle.timeout': options.eventPageIdleMs } : {}),
        ...options.prefs,
      },
      protocolTimeout: 20_000,
    })
    .catch((error: unknown) => {
      rmSync(profile, { recursive: true, force: true });
      throw error;
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

/**
 * The first open page (tab or window) whose document is at `path` under our origin; `page.url()` may lag behind.
 * Waits up to 30 s: the welcome tab opens once the add-on is installed, slower while another browser starts beside it.
 */
export async function findFirefoxPage(browser: Browser, path: string, timeout = 30_000): Promise<Page> {
  let found: Page | undefined;
  await waitUntil(
    async () => {
      for (const page of await browser.pages()) {
        // A page still loading may not answer for the whole protocol timeout: ask again on the next round instead.
        const href = await Promise.race([page.evaluate(() => location.href).catch(() => ''), sleep(2_000).then(() => '')]);
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

export { waitUntil };

/**
 * A page of ours to call extension APIs from: the welcome tab Firefox opens on install, or — when that has not shown
 * up within a few seconds (seen with another browser starting beside it on 2 cores) — the welcome page opened here.
 */
export async function firefoxOwnPage(browser: Browser): Promise<Page> {
  try {
    return await findFirefoxPage(browser, 'popup/welcome/welcome.html', 10_000);
  } catch {
    return openFirefoxPage(browser, 'popup/welcome/welcome.html#control');
  }
}

/** Writes detection settings into extension storage from a page of ours, as the options page would. */
export async function setFirefoxSettings(browser: Browser, detection: Record<string, unknown>): Promise<void> {
  const page = await firefoxOwnPage(browser);
  await page.evaluate(async (d) => {
    const { settings } = await chrome.storage.local.get('settings');
    // Detection settings are the part kept in storage.local (settings version 3); calling and audio are not there.
    const current = (settings ?? { detection: {} }) as { detection: Record<string, unknown> };
    await chrome.storage.local.set({ settings: { version: 3, detection: { ...current.detection, ...d } } });
  }, detection);
}

/**
 * Evaluates `expression` in every browser window's chrome (browser.xhtml) over raw WebDriver BiDi (`moz:scope:
 * "chrome"`, allowed by `--remote-allow-system-access`, which launchFirefox sets) and returns the values.
 * Tests use it to work Firefox's own UI, e.g. the real context menu, where BiDi has no command.
 */
export async function evaluateInBrowserChrome<T>(browser: Browser, expression: string): Promise<T[]> {
  type Reply<R> = { result: R };
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<Reply<unknown>> } }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as Reply<{ contexts: { context: string }[] }>;
  const values: T[] = [];
  for (const { context } of tree.result.contexts) {
    const { result } = (await connection.send('script.evaluate', { target: { context }, expression, awaitPromise: true })) as Reply<
      { type: 'success'; result: { value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string } }
    >;
    if (result.type === 'exception') throw new Error(`browser chrome: ${result.exceptionDetails.text}`);
    values.push(JSON.parse(String(result.result.value)) as T);
  }
  return values;
}

/** One of our items in Firefox's open page context menu, as drawn after our `menus.onShown` listener ran. */
export interface FirefoxMenuItem {
  id: string;
  label: string;
  hidden: boolean;
}

/** Firefox prefixes our menu item ids with the add-on id made into a widget id. */
const MENU_ITEM_PREFIX = `${GECKO_ID.replace(/[^a-z0-9_-]/gi, '_')}-menuitem-_`;

/**
 * Right-clicks at a page point (a trusted event: Firefox opens its real context menu, fires `menus.onShown` at the
 * event page and redraws) and waits until `settled` holds for our items (menu item id without prefix → item).
 */
export async function openContextMenu(
  browser: Browser,
  page: Page,
  point: { x: number; y: number },
  settled: (items: Map<string, FirefoxMenuItem>) => boolean,
): Promise<Map<string, FirefoxMenuItem>> {
  await page.mouse.click(point.x, point.y, { button: 'right' });
  let items = new Map<string, FirefoxMenuItem>();
  await waitUntil(
    async () => {
      const menus = await evaluateInBrowserChrome<FirefoxMenuItem[] | null>(
        browser,
        `(() => { const menu = document.getElementById('contentAreaContextMenu');
          if (!menu || menu.state !== 'open') return 'null';
          return JSON.stringify([...menu.querySelectorAll('[id^="${MENU_ITEM_PREFIX}"]')].map((i) => ({ id: i.id.slice(${MENU_ITEM_PREFIX.length}), label: i.label, hidden: i.hidden }))); })()`,
      );
      const open = menus.find((m) => m !== null);
      if (!open) return false;
      items = new Map(open.map((item) => [item.id, item]));
      return settled(items);
    },
    5_000,
    'the context menu to open and show our items',
  );
  return items;
}

/** Activates one of our items in the open context menu, as a user's click does (Firefox fires `menus.onClicked`). */
export async function clickContextMenuItem(browser: Browser, menuItemId: string): Promise<void> {
  const found = await evaluateInBrowserChrome<boolean>(
    browser,
    `(() => { const menu = document.getElementById('contentAreaContextMenu');
      const item = document.getElementById('${MENU_ITEM_PREFIX}${menuItemId}');
      if (!menu || menu.state !== 'open' || !item) return 'false';
      menu.activateItem(item); return 'true'; })()`,
  );
  if (!found.includes(true)) throw new Error(`no open context menu with ${menuItemId}`);
}

/** Closes the context menu if one is open (Escape, as a user would). */
export async function closeContextMenu(browser: Browser): Promise<void> {
  await evaluateInBrowserChrome<boolean>(
    browser,
    `(() => { const menu = document.getElementById('contentAreaContextMenu'); if (menu?.state === 'open') menu.hidePopup(); return 'true'; })()`,
  );
}
