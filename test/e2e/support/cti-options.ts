import type { Page } from 'puppeteer-core';
import { waitForText } from './wait-for-text';

/**
 * Types `lines` into the options page's allowed web apps (`textarea[name=ctiOrigins]`, replacing what it held) and
 * saves them with the form's submit button, as a user does; returns the status or the errors shown. Use a freshly
 * opened options page (an earlier save's status or errors would answer at once).
 */
export async function saveCtiOrigins(options: Page, lines: string[]): Promise<string> {
  const field = 'textarea[name="ctiOrigins"]';
  await options.waitForSelector(`${field}:not([disabled])`, { timeout: 10_000 });
  await options.$eval(field, (el) => {
    (el as HTMLTextAreaElement).select();
  });
  await options.focus(field);
  await options.keyboard.press('Backspace');
  await options.type(field, lines.join('\n'));
  await options.$eval('#cti button[type="submit"]', (button) => (button as HTMLButtonElement).click());
  await options.waitForFunction(
    () => (document.querySelector('[data-testid="cti-origins-status"]')?.textContent ?? '') !== '' || document.querySelector('[data-testid="error-ctiOrigins"]') !== null,
    { polling: 100, timeout: 10_000 },
  );
  const error = await options.$$eval('[data-testid="error-ctiOrigins"]', (els) => els.map((el) => el.textContent ?? '').join(' | '));
  return error || waitForText(options, 'cti-origins-status', /./);
}
