import type { Page } from 'puppeteer-core';

/**
 * Fills the account form of an open options page (each named field cleared, then typed), presses Save and returns
 * the form's text once it shows the outcome (the status line or a field's error).
 */
export async function saveAccountForm(page: Page, fields: Record<string, string>): Promise<string> {
  // The form fills itself in with the stored account when the engine answers its `ui:get-account`, over whatever was
  // typed before (on Firefox that answer waits for the phone window to start): ask the same first, so that the
  // form's own answer is in before typing.
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:get-account', payload: {} }).then(() => undefined));
  for (const [name, value] of Object.entries(fields)) {
    await page.$eval(`#account [name="${name}"]`, (el) => ((el as HTMLInputElement).value = ''));
    await page.type(`#account [name="${name}"]`, value);
  }
  await page.click('#account button[type="submit"]');
  await page.waitForSelector('[data-testid="account-status"], #account .error', { timeout: 15_000 });
  return page.$eval('#account', (f) => (f as HTMLElement).innerText);
}
