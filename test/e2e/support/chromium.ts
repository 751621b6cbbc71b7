import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { waitUntil } from './wait-until';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that matter on these machines (see the README's Testing section). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export interface LaunchOptions {
  extensionDir?: string;
  args?: string[];
  headless?: boolean;
  /**
   * The browser's UI language (`de`): `--lang` plus `LANGUAGE`/`LANG` for the process. Debian's Chromium without
   * `chromium-l10n` still reports `getUILanguage()` = `en-US` (it has no German UI pack) but picks the extension's
   * German `_locales`, which is what Dialable follows (src/i18n/t.ts).
   */
  lang?: string;
  /**
   * The browser process's HOME. Chromium on Linux reads the certificate authorities it trusts besides the system's
   * from `$HOME/.pki/nssdb` (see support/trust-ca.ts), so a test that needs its own CA gives the browser its own HOME.
   */
  home?: string;
}

/** Launches Debian's Chromium with a throw-away profile (removed on close) and optionally our unpacked build. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'dialable-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    pipe: true,
    userDataDir: profile,
    enableExtensions: options.extensionDir ? [options.extensionDir] : false,
    args: [...CHROMIUM_ARGS, ...(options.lang ? [`--lang=${options.lang}`] : []), ...(options.args ?? [])],
    ...(options.lang || options.home
      ? {
          env: {
            ...process.env,
            ...(options.lang ? { LANGUAGE: options.lang, LANG: `${options.lang}_${options.lang.toUpperCase()}.UTF-8` } : {}),
            ...(options.home ? { HOME: options.home } : {}),
          },
        }
      : {}),
    defaultViewport: { width: 1280, height: 900 },
    // Never attach to service workers: puppeteer leaves a *restarted* worker paused for its debugger, which would
    // make "the worker was stopped" tests test puppeteer. Filtered targets are resumed and left alone.
    targetFilter: (target) => target.type() !== 'service_worker',
    // A hung page should fail the step that hung, with the CDP method named, not the whole test at 60 s.
    protocolTimeout: 20_000,
  });
  // Chromium still writes the profile while puppeteer disconnects: remove it once the process has exited.
  const proc = browser.process();
  const cleanup = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  if (proc && proc.exitCode === null) proc.once('exit', cleanup);
  else browser.once('disconnected', cleanup);
  if (options.extensionDir) await waitForExtensionLoaded(browser, options.extensionDir);
  return browser;
}

/**
 * Puppeteer's `enableExtensions` returns once Chromium accepted the folder, not once the extension is enabled:
 * a navigation to one of its pages right then fails with `net::ERR_BLOCKED_BY_CLIENT` (seen once in CI) and a
 * content script would not be injected yet. An extension with a service worker is enabled once that worker runs
 * (Chromium starts it to deliver `onInstalled`); service workers are hidden from puppeteer (see `targetFilter`),
 * so the raw target list is polled.
 */
async function waitForExtensionLoaded(browser: Browser, folder: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string } };
  const worker = manifest.background?.service_worker;
  if (!worker) return;
  const cdp = await browser.target().createCDPSession();
  try {
    const running = async () => {
      const { targetInfos } = await cdp.send('Target.getTargets');
      return targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://') && t.url.endsWith(`/${worker}`));
    };
    await waitUntil(running, 15_000, `the service worker of the extension in ${folder}`);
  } finally {
    await cdp.detach();
  }
}
