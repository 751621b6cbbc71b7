import type { Browser } from 'puppeteer-core';
import { launchChromium } from './chromium';
import { CHROME_DIST, setSettings } from './extension';
import { startFixtureServer } from './fixture-server';
import type { StaticServer } from './static-server';

export interface LinkingBrowser {
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

/** Chromium with the store build and the fixture server, numbers linked with `defaultCountry` (no SIP server). */
export async function startLinkingBrowser(defaultCountry = 'GB'): Promise<LinkingBrowser> {
  const server = await startFixtureServer();
  const browser = await launchChromium({ extensionDir: CHROME_DIST });
  await setSettings(browser, { enabled: true, defaultCountry, disabledSites: [], linkStyle: 'dotted' });
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
