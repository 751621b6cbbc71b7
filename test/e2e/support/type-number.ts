import type { Page } from 'puppeteer-core';

const FIELD = '[data-testid="dial-input"]';

/**
 * Types `number` into the popup's number field as a user would and waits until Call can be pressed. The field is
 * emptied with the keyboard, so the dialer's own state is emptied too (setting the element's value leaves the old
 * number in that state, and the next render puts it back); and a call that just ended empties the field once more
 * when its last update arrives, so the typing is checked a moment later and done again if it was lost.
 */
export async function typeNumber(popup: Page, number: string): Promise<void> {
  const digits = number.replace(/\D/g, '');
  for (let attempt = 0; ; attempt++) {
    await clearNumber(popup);
    await popup.type(FIELD, number);
    await new Promise((r) => setTimeout(r, 200));
    const typed = await popup.$eval(FIELD, (el) => (el as HTMLInputElement).value.replace(/\D/g, ''));
    if (typed === digits) break;
    if (attempt === 2) throw new Error(`the popup's number field shows "${typed}" after typing ${number}`);
  }
  await popup.waitForSelector('[data-testid="dial"]:not([disabled])', { timeout: 5_000 });
}

/** Empties the popup's number field with the keyboard (select all, Backspace), so the dialer's state is emptied too. */
export async function clearNumber(popup: Page): Promise<void> {
  await popup.focus(FIELD);
  await popup.$eval(FIELD, (el) => (el as HTMLInputElement).select());
  await popup.keyboard.press('Backspace');
}
