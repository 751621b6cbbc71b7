import type { Browser } from 'puppeteer-core';
import { evaluateInBrowserChrome } from '../e2e/support/firefox';

export interface WindowMemory {
  /** JavaScript heap of the window's realms (about:memory's js-realm and js-zone entries under it), bytes. */
  js: number;
  /** Everything about:memory counts under the window (JS, DOM, layout, style), bytes. */
  all: number;
}

/**
 * What about:memory reports for the one window whose URL contains `urlPart` (e.g. the phone window), after Firefox
 * minimized memory in every process (garbage and cycle collection). Firefox has no page heap figure over WebDriver
 * BiDi; its memory reporter manager, reached from the browser's own chrome (launchFirefox allows that), has one.
 */
export async function firefoxWindowMemory(browser: Browser, urlPart: string): Promise<WindowMemory> {
  const expression = `new Promise((resolve, reject) => {
    const manager = Cc['@mozilla.org/memory-reporter-manager;1'].getService(Ci.nsIMemoryReporterManager);
    const part = ${JSON.stringify(urlPart)};
    manager.minimizeMemoryUsage(() => {
      let js = 0;
      let all = 0;
      manager.getReports(
        (process, path, kind, units, amount) => {
          if (units !== Ci.nsIMemoryReporter.UNITS_BYTES || !path.startsWith('explicit/window-objects/')) return;
          if (!path.replace(/\\\\/g, '/').includes(part)) return;
          all += amount;
          if (/\\/js-(realm|zone)\\(/.test(path)) js += amount;
        },
        null,
        () => resolve(JSON.stringify({ js, all })),
        null,
        false,
      );
    });
  })`;
  const [first] = await evaluateInBrowserChrome<WindowMemory>(browser, expression);
  if (!first) throw new Error('no browser window to read memory from');
  return first;
}
