import type { Page } from 'puppeteer-core';
import { waitForText } from './wait-for-text';

export interface CrmFields {
  screenPopUrl?: string;
  screenPopWhen?: 'ring' | 'answer';
  callLogUrl?: string;
  callLogSecret?: string;
}

/**
 * Fills the options page's CRM form (`form#crm`) as a user does (each given field replaced by typing) and presses
 * *Save CRM settings*; returns the status sentence or the errors shown. The press is a real click, so the browser's
 * host-permission request runs in a user gesture. Use a freshly opened options page.
 */
export async function saveCrmForm(options: Page, fields: CrmFields): Promise<string> {
  await options.bringToFront();
  await options.waitForSelector('form#crm input[name="callLogUrl"]', { timeout: 10_000 });
  for (const name of ['screenPopUrl', 'callLogUrl', 'callLogSecret'] as const) {
    const value = fields[name];
    if (value === undefined) continue;
    const field = `form#crm input[name="${name}"]`;
    await options.$eval(field, (el) => (el as HTMLInputElement).select());
    await options.focus(field);
    await options.keyboard.press('Backspace');
    if (value !== '') await options.type(field, value);
  }
  if (fields.screenPopWhen) await options.select('form#crm select[name="screenPopWhen"]', fields.screenPopWhen);
  await options.click('[data-testid="crm-save"]');
  await options.waitForFunction(
    () => (document.querySelector('[data-testid="crm-status"]')?.textContent ?? '') !== '' || document.querySelector('#crm .error') !== null,
    { polling: 100, timeout: 15_000 },
  );
  // Every error of the form renders in the same pass: a moment later all of them are there.
  await new Promise((r) => setTimeout(r, 300));
  const errors = await options.$$eval('#crm .error', (els) => els.map((el) => el.textContent ?? '').join(' | '));
  return errors || waitForText(options, 'crm-status', /./);
}
