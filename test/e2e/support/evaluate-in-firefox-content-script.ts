import type { Browser, Page } from 'puppeteer-core';
import { evaluateInBrowserChrome, GECKO_ID, waitUntil } from './firefox';

let calls = 0;

/**
 * Evaluates `expression` (a promise is awaited) inside our content script's sandbox in `page`'s top frame, to act
 * as a compromised content script would; returns its value, passed through JSON. The Firefox counterpart of
 * `evaluateInContentScript`: WebDriver BiDi lists no content-script realms, so the browser chrome (see
 * `evaluateInBrowserChrome`) loads a frame script into the tab, which finds the sandbox through Firefox's own
 * `ExtensionContent.getContextByExtensionId` and hands the value back through a data attribute of the page.
 */
export async function evaluateInFirefoxContentScript(browser: Browser, page: Page, expression: string): Promise<unknown> {
  const key = `dialableProbe${++calls}`;
  const inSandbox = `Promise.resolve().then(() => (${expression})).then(
    (value) => { document.documentElement.dataset.${key} = JSON.stringify({ value: value === undefined ? null : value }); },
    (error) => { document.documentElement.dataset.${key} = JSON.stringify({ error: String(error) }); })`;
  const frameScript = `try {
      const { ExtensionContent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionContent.sys.mjs');
      const context = ExtensionContent.getContextByExtensionId(${JSON.stringify(GECKO_ID)}, content);
      if (!context) throw new Error('no Dialable content script in this tab');
      Cu.evalInSandbox(${JSON.stringify(inSandbox)}, context.sandbox);
    } catch (error) {
      content.document.documentElement.dataset.${key} = JSON.stringify({ error: String(error) });
    }`;
  const url = await page.evaluate(() => location.href);
  const loaded = await evaluateInBrowserChrome<boolean>(
    browser,
    `(() => { const tab = globalThis.gBrowser?.browsers.find((b) => b.currentURI.spec === ${JSON.stringify(url)});
      if (!tab) return 'false';
      tab.messageManager.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(frameScript)}), false);
      return 'true'; })()`,
  );
  if (!loaded.includes(true)) throw new Error(`no tab at ${url}`);
  let reply: { value?: unknown; error?: string } | undefined;
  await waitUntil(
    async () => {
      const raw = await page.evaluate((k) => document.documentElement.dataset[k], key);
      if (raw !== undefined) reply = JSON.parse(raw) as { value?: unknown; error?: string };
      return reply !== undefined;
    },
    10_000,
    'the content script to answer',
  );
  await page.evaluate((k) => void delete document.documentElement.dataset[k], key);
  if (reply!.error !== undefined) throw new Error(`content script: ${reply!.error}`);
  return reply!.value;
}
