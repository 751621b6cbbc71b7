import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags from ../shared/TESTING.md; the fake device gives getUserMedia a beep, the fake UI grants it. */
export const SIP_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export interface SipBrowserOptions {
  /** Unpacked extension to load (CDP `Extensions.loadUnpacked`). */
  extensionDir?: string;
  /** Extra Chromium flags. */
  args?: string[];
}

/**
 * Debian's Chromium, headless over a pipe, with a throw-away profile that is deleted once the browser process has
 * exited. (Deleting on puppeteer's 'disconnected' races Chromium's last profile writes and throws ENOTEMPTY.)
 * Tests of the denied-microphone path should drop `--use-fake-ui-for-media-stream` and use a CDP permission grant.
 */
export async function launchChromium(options: SipBrowserOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'dialable-sip-chromium-'));
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // A helper process still held a file; the OS temp dir cleanup gets it.
    }
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      pipe: true,
      userDataDir: profile,
      enableExtensions: options.extensionDir ? [options.extensionDir] : false,
      args: [...SIP_CHROMIUM_ARGS, ...(options.args ?? [])],
    });
  } catch (error) {
    removeProfile();
    throw error;
  }
  const proc = browser.process();
  if (proc && proc.exitCode === null) proc.once('exit', removeProfile);
  else browser.once('disconnected', removeProfile);
  return browser;
}
