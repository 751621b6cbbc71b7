import type { Page } from 'puppeteer-core';
import { waitUntil } from './wait-until';

/**
 * Accepts the browser's own warning for an untrusted certificate, as a user does once after Dialable's fix-it link
 * opened `https://host:port`. Chromium: "Advanced", then "Proceed to … (unsafe)" on the interstitial. Firefox:
 * "Advanced…", then "Accept the Risk and Continue" on about:certerror, whose buttons live in the shadow DOM of its
 * `net-error-card` (Firefox 153). Firefox keeps that button disabled for a moment after it appears
 * (`security.dialog_enable_delay`), and a click then does nothing: wait until it is enabled.
 */
export async function acceptCertificateWarning(page: Page, browser: 'chromium' | 'firefox'): Promise<void> {
  await page.bringToFront();
  if (browser === 'chromium') {
    await page.waitForSelector('#details-button', { timeout: 10_000 });
    await page.evaluate(() => (document.getElementById('details-button') as HTMLElement).click());
    await page.evaluate(() => (document.getElementById('proceed-link') as HTMLElement).click());
    return;
  }
  // A string, not a function: the page is privileged about: content where puppeteer's function wrappers are not needed.
  const clickInCard = (id: string) => `(() => {
    function find(root) { const hit = root.querySelector('#${id}'); if (hit) return hit;
      for (const el of root.querySelectorAll('*')) { const inner = el.shadowRoot && find(el.shadowRoot); if (inner) return inner; } return null; }
    const button = find(document);
    const inner = button && button.shadowRoot && button.shadowRoot.querySelector('button');
    if (!button || button.disabled || (inner && inner.disabled)) return false;
    button.click(); return true; })()`;
  await waitUntil(async () => (await page.evaluate(clickInCard('advanced-button')).catch(() => false)) === true, 10_000, 'the certificate warning');
  await waitUntil(async () => (await page.evaluate(clickInCard('exception-button')).catch(() => false)) === true, 10_000, '"Accept the Risk and Continue"');
  // Accepted: Firefox loads the address itself now.
  await waitUntil(async () => (await page.evaluate(() => document.documentURI).catch(() => '')).startsWith('https:'), 10_000, 'the page after accepting');
}
