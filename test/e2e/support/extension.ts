import { resolve } from 'node:path';
import type { Browser, Page, WebWorker } from 'puppeteer-core';

export const CHROME_DIST = resolve('dist/chrome');
/** Fixed by the manifest `key`. */
export const EXTENSION_ID = 'nhcibjmjhchlaihkoaidbcgoodehnnkm';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

/** The extension's service worker target (tests drive the extension through an extension page instead: see below). */
export async function serviceWorker(browser: Browser): Promise<WebWorker> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(EXTENSION_ORIGIN),
    { timeout: 15_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  return worker;
}

const controlPages = new WeakMap<Browser, Page>();

/**
 * A tab showing one of our pages, used to call extension APIs (storage, notifications) the way our own pages do.
 * Tests never attach to the service worker: puppeteer would keep a restarted worker paused for its debugger.
 */
export async function controlPage(browser: Browser): Promise<Page> {
  const existing = controlPages.get(browser);
  if (existing && !existing.isClosed()) return existing;
  const page = await browser.newPage();
  await page.goto(`${EXTENSION_ORIGIN}/popup/welcome/welcome.html#control`);
  controlPages.set(browser, page);
  return page;
}

/** The settings store our pages expose (popup/shared/settings-store.ts), as seen from a test's `evaluate`. */
export interface SettingsGlobal {
  dialableSettings: {
    load(): Promise<{ detection: Record<string, unknown>; calling: Record<string, unknown>; audio: Record<string, unknown> }>;
    update(patch: Record<string, Record<string, unknown>>): Promise<unknown>;
  };
}

/** Changes settings through the one settings store, from one of our pages, as the options page does. */
export async function updateSettings(browser: Browser, patch: Record<string, Record<string, unknown>>): Promise<void> {
  await updateSettingsOn(await controlPage(browser), patch);
}

/** {@link updateSettings} from a given page of ours (Firefox tests pass one: they have no control page). */
export async function updateSettingsOn(page: Page, patch: Record<string, Record<string, unknown>>): Promise<void> {
  await page.waitForFunction(() => 'dialableSettings' in globalThis);
  await page.evaluate(async (p) => void (await (globalThis as unknown as SettingsGlobal).dialableSettings.update(p)), patch);
}

/** The user's own settings as the store reads them (detection from storage.local, the rest from IndexedDB). */
export async function storedSettings(browser: Browser): Promise<Awaited<ReturnType<SettingsGlobal['dialableSettings']['load']>>> {
  return storedSettingsOn(await controlPage(browser));
}

/** {@link storedSettings} read in a given page of ours. */
export async function storedSettingsOn(page: Page): Promise<Awaited<ReturnType<SettingsGlobal['dialableSettings']['load']>>> {
  await page.waitForFunction(() => 'dialableSettings' in globalThis);
  return page.evaluate(() => (globalThis as unknown as SettingsGlobal).dialableSettings.load());
}

/** Changes detection settings (the part content scripts read), as the options page would. */
export function setSettings(browser: Browser, detection: Record<string, unknown>): Promise<void> {
  return updateSettings(browser, { detection });
}

/** Changes audio settings (kept out of content scripts' reach), as the options page would. */
export function setAudioSettings(browser: Browser, audio: Record<string, unknown>): Promise<void> {
  return updateSettings(browser, { audio });
}

/** Opens one of our pages (popup, options, welcome) as a tab. */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${EXTENSION_ORIGIN}/${path}`);
  return page;
}

/** The offscreen document that hosts the engine (a `background_page` target). */
export async function offscreenPage(browser: Browser): Promise<Page> {
  const target = await browser.waitForTarget((t) => t.url().split('?')[0] === `${EXTENSION_ORIGIN}/background/offscreen/offscreen.html`, { timeout: 15_000 });
  const page = await target.asPage();
  return page;
}

/**
 * Evaluates `expression` inside our content script's isolated world on `page` (found through CDP execution
 * contexts named after the extension), to prove what a content script can and cannot see.
 */
export async function evaluateInContentScript(page: Page, expression: string, origin = EXTENSION_ORIGIN): Promise<unknown> {
  const cdp = await page.createCDPSession();
  const contexts: Array<{ id: number; name: string; origin: string; auxData?: { isDefault?: boolean; type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const ours = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === origin);
  if (!ours) throw new Error(`no content-script context among ${contexts.map((c) => `${c.name}@${c.origin}`).join(', ')}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: ours.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

/** Stops the service worker the way Chrome does when it is idle (CDP `ServiceWorker.stopAllWorkers`). */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
}
