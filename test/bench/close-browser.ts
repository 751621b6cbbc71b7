/**
 * Closes a browser from launchChromium() without letting its profile clean-up crash the run.
 *
 * launchChromium removes the profile in a 'disconnected' listener with a plain rmSync; with an extension loaded,
 * Chromium is often still writing into <profile>/Default at that moment and rmSync throws ENOTEMPTY from inside the
 * event emitter — an uncaught exception. Here exactly that error is tolerated while closing, and the profile is
 * removed again (with retries) once the browser process has exited. Any other uncaught error still fails the run.
 */
import { rmSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';

export async function closeBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  const profile = child?.spawnargs.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
  const exited = child && child.exitCode === null ? new Promise<void>((done) => child.once('exit', () => done())) : Promise.resolve();
  const tolerate = (error: Error & { code?: string; path?: string }): void => {
    if (error.code === 'ENOTEMPTY' && profile !== undefined && error.path?.startsWith(profile)) return;
    console.error(error);
    process.exitCode = 1;
  };
  process.on('uncaughtException', tolerate);
  try {
    await browser.close().catch(() => undefined);
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
  } finally {
    process.off('uncaughtException', tolerate);
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
