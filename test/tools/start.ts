/**
 * `npm start`: opens Chromium with dist/chrome loaded and the demo page (served on 127.0.0.1).
 * Without a display it runs headless and says so. Ctrl+C (or closing the browser) stops everything.
 */
import { resolve } from 'node:path';
import { launchChromium } from '../e2e/support/chromium';
import { startFixtureServer } from '../e2e/support/fixture-server';

const server = await startFixtureServer();
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const browser = await launchChromium({ extensionDir: resolve('dist/chrome'), headless: !hasDisplay });
const page = await browser.newPage();
await page.goto(`${server.url}/interactive/demo.html`);
console.log(`Dialable is loaded. Demo page: ${server.url}/interactive/demo.html`);
if (!hasDisplay) console.log('No display found (DISPLAY is not set): Chromium runs headless. Press Ctrl+C to stop.');

const stop = async (): Promise<void> => {
  await browser.close().catch(() => undefined);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
browser.on('disconnected', () => void stop());
