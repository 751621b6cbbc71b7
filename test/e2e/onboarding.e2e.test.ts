import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlPage, EXTENSION_ORIGIN, openExtensionPage } from './support/extension';
import { saveAccount, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';

/**
 * The welcome page in Chromium against the real Kamailio: microphone, the Kamailio preset, the test-bed account
 * typed in, the registration check (registered, then the wrong-password sentence), the default country; and the
 * popup's fix-it link opening the options page at the field to fix.
 */
let bed: SipBed;
let welcome: Page;

const stepDone = (page: Page, id: string) => page.$eval(`[data-testid="step-${id}"]`, (el) => el.getAttribute('data-done'));

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, text);
}

beforeAll(async () => {
  bed = await startSipBed({ configure: false });
});

afterAll(async () => {
  await bed?.close();
});

describe('welcome page', () => {
  test('opens on install', async () => {
    const target = await bed.browser.waitForTarget((t) => t.url() === `${EXTENSION_ORIGIN}/popup/welcome/welcome.html`, { timeout: 5_000 });
    expect(target).toBeTruthy();
  });

  test('walks through microphone, Kamailio preset, account, registration check and country', async () => {
    welcome = await openExtensionPage(bed.browser, 'popup/welcome/welcome.html');
    // The test bed holds the grant a user gives with the step's button.
    await waitForTestId(welcome, 'microphone-state', /allowed/);
    expect(await stepDone(welcome, 'microphone')).toBe('true');
    for (const id of ['account', 'registration']) expect(await stepDone(welcome, id)).toBe('false');

    // Mouse on the first preset, then the arrow keys through the radio group to Kamailio.
    await welcome.click('[data-testid="preset-asterisk"]');
    expect(await welcome.$eval('input[name="server"]', (el) => (el as HTMLInputElement).placeholder)).toBe('wss://pbx.example.com:8089/ws');
    await welcome.keyboard.press('ArrowDown');
    await welcome.keyboard.press('ArrowDown');
    expect(await welcome.$eval('[data-testid="preset-kamailio"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    expect(await welcome.$eval('[data-testid="preset-hint"]', (el) => el.textContent)).toMatch(/websocket.*443 or 8443/);
    // Examples only: no value is filled in for the user.
    const fields = await welcome.$$eval('#account input[name]:not([type=checkbox])', (els) =>
      els.map((el) => ({ name: (el as HTMLInputElement).name, value: (el as HTMLInputElement).value, placeholder: (el as HTMLInputElement).placeholder })),
    );
    expect(fields.filter((f) => f.value !== '')).toEqual([]);
    expect(fields.find((f) => f.name === 'server')?.placeholder).toBe('wss://sip.example.com:443 (or :8443)');
    expect(fields.find((f) => f.name === 'domain')?.placeholder).toBe('sip.example.com');

    // Type the test bed's account; Tab from field to field, Enter submits.
    await welcome.click('input[name="server"]');
    await welcome.keyboard.type(bed.sip.wsUrl);
    await welcome.keyboard.press('Tab');
    await welcome.keyboard.type('alice');
    await welcome.keyboard.press('Tab');
    await welcome.keyboard.type(bed.sip.domain);
    await welcome.keyboard.press('Tab'); // authorization username: same as the username
    await welcome.keyboard.press('Tab');
    await welcome.keyboard.type('alice-secret');
    await welcome.keyboard.press('Enter');
    expect(await waitForTestId(welcome, 'account-status', /Registered as alice@/)).toContain(bed.sip.domain);
    expect(await stepDone(welcome, 'account')).toBe('true');

    // The check registers again through the engine and shows its live sentence.
    await welcome.click('[data-testid="check-registration"]');
    expect(await waitForTestId(welcome, 'registration-check', /^Registered as alice@/)).toBe(`Registered as alice@${bed.sip.domain}`);
    await welcome.waitForFunction(() => document.querySelector('[data-testid="step-registration"]')?.getAttribute('data-done') === 'true', { timeout: 5_000 });
    // For review (not compared), beside the popup and options screenshots.
    mkdirSync('test/artifacts/screenshots', { recursive: true });
    await welcome.screenshot({ path: 'test/artifacts/screenshots/welcome-registered.png', fullPage: true });

    // Wrong password: saved from the same form, then checked.
    await typeInto(welcome, 'input[name="password"]', 'not-the-password');
    await welcome.keyboard.press('Enter');
    await waitForTestId(welcome, 'account-status', /rejected the username or password/);
    await welcome.click('[data-testid="check-registration"]');
    expect(await waitForTestId(welcome, 'registration-check', /rejected/)).toBe(
      "The server rejected the username or password (401). Check them in Dialable's options.",
    );
    expect(await stepDone(welcome, 'registration')).toBe('false');

    // Country: chosen with the keyboard on the select, saved at once, still there after a reload.
    await welcome.select('select[name="defaultCountry"]', 'DE');
    expect(await waitForTestId(welcome, 'country-saved', /Saved/)).toBe('Saved: Germany.');
    expect(await stepDone(welcome, 'country')).toBe('true');
    const control = await controlPage(bed.browser);
    expect(await control.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { detection: { defaultCountry: string } }).detection.defaultCountry)).toBe('DE');
    await welcome.reload();
    await welcome.waitForSelector('select[name="defaultCountry"]');
    expect(await welcome.$eval('select[name="defaultCountry"]', (el) => (el as HTMLSelectElement).value)).toBe('DE');
    const options = await openExtensionPage(bed.browser, 'popup/options/options.html');
    await options.waitForSelector('select[name="defaultCountry"]');
    expect(await options.$eval('select[name="defaultCountry"]', (el) => (el as HTMLSelectElement).value)).toBe('DE');
    await options.close();
  });
});

describe('fix-it link in the popup header', () => {
  async function followFixIt(field: string): Promise<Page> {
    await bed.popup.reload();
    const link = await bed.popup.waitForSelector(`[data-testid="fix-it"][href="${EXTENSION_ORIGIN}/popup/options/options.html#${field}"]`, { timeout: 15_000 });
    const opened = bed.browser.waitForTarget((t) => t.url() === `${EXTENSION_ORIGIN}/popup/options/options.html#${field}`, { timeout: 5_000 });
    await link!.click();
    const options = (await (await opened).asPage())!;
    await options.bringToFront();
    await options.waitForFunction((name) => document.activeElement?.getAttribute('name') === name, { timeout: 5_000, polling: 100 }, field);
    return options;
  }

  test('wrong password: opens the options with the password field focused', async () => {
    expect((await saveAccount(bed.browser, bed.sip, 'wrong')).registered).toBe(false);
    await waitForTestId(bed.popup, 'registration', /rejected the username or password/);
    const options = await followFixIt('password');
    expect(await options.$eval('input[name="password"]', (el) => el === document.activeElement)).toBe(true);
    await options.close();
  });

  test('server unreachable: opens the options with the server field focused', async () => {
    const control = await controlPage(bed.browser);
    const reply = await control.evaluate(
      (account) => chrome.runtime.sendMessage({ type: 'ui:save-account', payload: { account } }) as Promise<{ registered: boolean; message: string }>,
      // A port nothing listens on.
      { server: 'ws://127.0.0.1:9/', username: 'alice', domain: bed.sip.domain, authUsername: '', password: 'alice-secret', displayName: '', iceServers: [], register: true },
    );
    expect(reply.registered).toBe(false);
    await waitForTestId(bed.popup, 'registration', /Cannot reach ws:\/\/127\.0\.0\.1:9/);
    const options = await followFixIt('server');
    expect(await options.$eval('input[name="server"]', (el) => (el as HTMLInputElement).value)).toBe('ws://127.0.0.1:9/');
    await options.close();
  });
});
