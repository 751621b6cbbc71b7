import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DOUBLE_TAP_MS, LONG_PRESS_MS } from '../../popup/dialer/keypad';
import { controlPage, EXTENSION_ORIGIN, offscreenPage, openExtensionPage, setSettings, storedSettings as storedSettingsOf, updateSettings, type SettingsGlobal } from './support/extension';
import { waitForLinksToSettle } from './support/settle';
import { endCalls, PEER_NUMBER, PEER_SHOWN, saveAccount, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';
import { clearNumber, typeNumber } from './support/type-number';

/**
 * The popup and options page in Chromium against Kamailio: recent calls with redial and clear, the per-site switch
 * acting on an open tab, and the settings export/import round trip through real files.
 */
let bed: SipBed;
let downloads: string;

async function history(page: Page): Promise<Array<{ direction: string; number: string; detail: string }>> {
  return page.$$eval('[data-testid="history-entry"]', (items) =>
    items.map((li) => ({
      direction: li.getAttribute('data-direction') ?? '',
      number: li.getAttribute('data-number') ?? '',
      detail: li.querySelector('[data-testid="history-detail"]')?.textContent ?? '',
    })),
  );
}

async function waitForHistory(page: Page, count: number): Promise<Array<{ direction: string; number: string; detail: string }>> {
  await page.bringToFront();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="history-entry"]').length === n, { polling: 100, timeout: 10_000 }, count);
  return history(page);
}

type Stored = {
  detection: { disabledSites: string[]; defaultCountry: string; linkStyle: string };
  calling: { dtmf: string; dialRules: { plus: string } };
  audio: { volume: number };
};

async function storedSettings(): Promise<Stored> {
  return (await storedSettingsOf(bed.browser)) as unknown as Stored;
}

/** Screenshots for review (not compared): test/artifacts/screenshots/<name>.png, at the popup's real size. */
const SHOTS = 'test/artifacts/screenshots';
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.bringToFront();
  await page.screenshot({ path: `${SHOTS}/${name}.png` as `${string}.png`, fullPage: true });
}

async function fieldValue(): Promise<string> {
  return bed.popup.$eval('[data-testid="dial-input"]', (el) => (el as HTMLInputElement).value);
}

/** Empties the number field the way a person does (select all, Backspace), so the popup's state follows. */
async function clearField(): Promise<void> {
  await bed.popup.bringToFront();
  await clearNumber(bed.popup);
  if ((await fieldValue()) !== '') throw new Error(`the number field kept "${await fieldValue()}"`);
}

/** Holds the pointer on an element for `ms` (a long press). */
async function longPress(page: Page, selector: string, ms: number): Promise<void> {
  await page.hover(selector);
  await page.mouse.down();
  await new Promise((r) => setTimeout(r, ms));
  await page.mouse.up();
}

async function dialAndHangUp(expectedTo: string): Promise<void> {
  await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'answered');
  expect((await bed.peer.snapshot()).lastInvite?.to).toContain(expectedTo);
  await waitForTestId(bed.popup, 'call-state', /Connected/);
  await bed.popup.click('[data-testid="hangup"]');
  await waitForTestId(bed.popup, 'call-state', /Ended/);
}

beforeAll(async () => {
  bed = await startSipBed();
  await bed.popup.setViewport({ width: 360, height: 560 });
  downloads = mkdtempSync(join(tmpdir(), 'dialable-downloads-'));
  const cdp = await bed.browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
});

afterAll(async () => {
  await bed?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

describe('dialing from the popup', () => {
  test('from the keypad (00 44 … with the default country GB)', async () => {
    await screenshot(bed.popup, 'popup-idle');
    // Idle, the popup fits its 360×560 box without scrolling (empty history).
    expect(await bed.popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(560);
    await bed.popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const dark = await bed.popup.evaluate(() => {
      const rgb = (el: Element, prop: 'color' | 'backgroundColor') => getComputedStyle(el)[prop].match(/\d+/g)!.slice(0, 3).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
      };
      const canvas = getComputedStyle(document.documentElement).backgroundColor === 'rgba(0, 0, 0, 0)' ? [18, 18, 18] : rgb(document.documentElement, 'backgroundColor');
      const status = document.querySelector('[data-testid="registration"]')!;
      const contrast = (fg: number[]) => (Math.max(luminance(fg), luminance(canvas)) + 0.05) / (Math.min(luminance(fg), luminance(canvas)) + 0.05);
      return { text: contrast(rgb(document.body, 'color')), status: contrast(rgb(status, 'color')) };
    });
    expect(dark.text, 'body text on the dark canvas').toBeGreaterThanOrEqual(4.5);
    expect(dark.status, 'the registration sentence on the dark canvas').toBeGreaterThanOrEqual(4.5);
    await screenshot(bed.popup, 'popup-idle-dark');
    await bed.popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    // Two taps on 0 further apart than a double tap stay "00"; the number is formatted as it grows.
    await bed.popup.click('[data-testid="key-0"]');
    await new Promise((r) => setTimeout(r, DOUBLE_TAP_MS + 100));
    for (const key of '0442079460958') await bed.popup.click(`[data-testid="key-${key}"]`);
    expect(await fieldValue()).toBe('00 44 20 7946 0958');
    await bed.popup.click('[data-testid="dial"]');
    await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'answered');
    await waitForTestId(bed.popup, 'call-state', /Connected/);
    await screenshot(bed.popup, 'popup-in-call');
    await bed.popup.click('[data-testid="hangup"]');
    await waitForTestId(bed.popup, 'call-state', /Ended/);
    expect((await bed.peer.snapshot()).lastInvite?.to).toContain(`sip:${PEER_NUMBER}@`);
  });

  test.each([['+44 (0)20 7946-0958'], ['tel:+44-20-7946-0958']])('from a pasted %s', async (pasted) => {
    await bed.popup.$eval('[data-testid="dial-input"]', (el) => ((el as HTMLInputElement).value = ''));
    await bed.popup.focus('[data-testid="dial-input"]');
    await bed.popup.evaluate((text) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="dial-input"]')!;
      input.value = text; // what a paste leaves in the field
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
    }, pasted);
    await bed.popup.keyboard.press('Enter');
    await dialAndHangUp(`sip:${PEER_NUMBER}@`);
  });

  test('an incoming call in the popup (screenshot)', async () => {
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    await bed.popup.bringToFront();
    await bed.popup.waitForSelector('[data-testid="answer"]', { timeout: 10_000 });
    await screenshot(bed.popup, 'popup-incoming');
    await bed.popup.click('[data-testid="decline"]');
    expect(await calling).toMatchObject({ status: 603 });
    await bed.popup.click('[data-testid="clear-history"]');
    await waitForTestId(bed.popup, 'history', /No calls yet/);
  });
});

describe('number entry (US as the default country)', () => {
  beforeAll(async () => {
    await setSettings(bed.browser, { defaultCountry: 'US' });
    await bed.popup.waitForFunction(
      async () => (await (globalThis as unknown as SettingsGlobal).dialableSettings.load()).detection.defaultCountry === 'US',
      { polling: 100, timeout: 5_000 },
    );
    // The popup hears the change through storage.onChanged, a moment after the write.
    await new Promise((r) => setTimeout(r, 300));
  });
  afterAll(() => setSettings(bed.browser, { defaultCountry: 'GB' }));

  test('typing 2133734253 shows (213) 373-4253, with the caret at the end', async () => {
    await clearField();
    await bed.popup.type('[data-testid="dial-input"]', '2133734253');
    expect(await fieldValue()).toBe('(213) 373-4253');
    expect(await bed.popup.$eval('[data-testid="dial-input"]', (el) => (el as HTMLInputElement).selectionStart)).toBe(14);
  });

  test('Backspace and typing in the middle keep the digits and the caret in place', async () => {
    // Caret after "(213) 3", Backspace removes that 3; then a 9 goes in at the same place.
    await bed.popup.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="dial-input"]')!.setSelectionRange(7, 7));
    await bed.popup.keyboard.press('Backspace');
    expect(await fieldValue()).toBe('(213) 734-253');
    await bed.popup.keyboard.type('9');
    expect(await fieldValue()).toBe('(213) 973-4253');
    expect(await bed.popup.$eval('[data-testid="dial-input"]', (el) => (el as HTMLInputElement).selectionStart)).toBe(7);
  });

  test.each([
    ['sip:bob@example.com', 'sip:bob@example.com'],
    ['204', '204'],
    ['2133734253 x204', '(213) 373-4253 x204'],
  ])('%s shows as %s (SIP URIs and extensions are not mangled)', async (typed, shown) => {
    await clearField();
    await bed.popup.type('[data-testid="dial-input"]', typed);
    expect(await fieldValue()).toBe(shown);
  });

  test('a long press on key 0 gives +, a quick double tap too; a plain tap gives 0', async () => {
    await clearField();
    await longPress(bed.popup, '[data-testid="key-0"]', LONG_PRESS_MS + 150);
    expect(await fieldValue()).toBe('+');
    await clearField();
    await bed.popup.click('[data-testid="key-0"]');
    await bed.popup.click('[data-testid="key-0"]');
    expect(await fieldValue()).toBe('+');
    await clearField();
    await longPress(bed.popup, '[data-testid="key-0"]', 100);
    expect(await fieldValue()).toBe('0');
  });

  test('+ from a long press, digits from the keypad, Enter: the call goes out as E.164', async () => {
    await clearField();
    await longPress(bed.popup, '[data-testid="key-0"]', LONG_PRESS_MS + 150);
    for (const key of '442079460958') await bed.popup.click(`[data-testid="key-${key}"]`);
    expect(await fieldValue()).toBe('+44 20 7946 0958');
    await bed.popup.focus('[data-testid="dial-input"]');
    await bed.popup.keyboard.press('Enter');
    await dialAndHangUp(`sip:${PEER_NUMBER}@`);
  });

  test('a national number typed for the US default (011 44 …) is dialed as E.164', async () => {
    await clearField();
    await bed.popup.type('[data-testid="dial-input"]', '011442079460958');
    expect(await fieldValue()).toBe('011 44 20 7946 0958');
    await bed.popup.keyboard.press('Enter');
    await dialAndHangUp(`sip:${PEER_NUMBER}@`);
  });
});

describe('during a call', () => {
  test('the popup shows the formatted number and the page the call came from (its tab title and host), and a volume slider that the engine applies and the settings keep', async () => {
    const page = await bed.browser.newPage();
    await page.goto(`${bed.fixtures.url}/interactive/clicks.html`);
    const link = await page.waitForSelector('#plain a[data-dialable]:not([data-dialable-part])', { timeout: 10_000 });
    await link!.click();
    await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'answered');
    expect(await waitForTestId(bed.popup, 'call-state', /Connected/)).toContain('+44 20 7946 0958');
    const host = new URL(bed.fixtures.url).host;
    expect(await bed.popup.$eval('[data-testid="call-source"]', (el) => el.textContent)).toBe(`From: Click fixture (${host})`);
    expect(await bed.popup.$eval('[data-testid="call-state"]', (el) => el.textContent)).toMatch(/ · \d+:\d\d$/);

    await bed.popup.$eval('[data-testid="volume"]', (el) => {
      const range = el as HTMLInputElement;
      range.value = '30';
      range.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const offscreen = await offscreenPage(bed.browser);
    await offscreen.waitForFunction(() => [...document.querySelectorAll('audio')].some((a) => a.srcObject && Math.abs(a.volume - 0.3) < 1e-6), { polling: 100, timeout: 5_000 });
    expect((await storedSettings()).audio.volume).toBeCloseTo(0.3);
    await bed.popup.click('[data-testid="hangup"]');
    await waitForTestId(bed.popup, 'call-state', /Ended/);
    await page.close();
    await bed.popup.click('[data-testid="clear-history"]');
    await waitForTestId(bed.popup, 'history', /No calls yet/);
  });
});

describe('recent calls', () => {
  test('outgoing, incoming and missed calls are listed newest first with time and duration', async () => {
    const popup = bed.popup;
    await popup.bringToFront();
    await typeNumber(popup, '+44 20 7946 0958');
    await popup.click('[data-testid="dial"]');
    await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'answered').catch(async (error: Error) => {
      const said = await popup.$eval('main', (el) => (el as HTMLElement).innerText).catch(() => '?');
      throw new Error(`${error.message}\nThe popup says:\n${said}`);
    });
    await waitForTestId(popup, 'call-state', /Connected/);
    await new Promise((r) => setTimeout(r, 1_200));
    await popup.click('[data-testid="hangup"]');
    await waitForTestId(popup, 'call-state', /Ended/);

    const answered = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    await popup.bringToFront();
    await (await popup.waitForSelector('[data-testid="answer"]'))!.click();
    expect(await answered).toMatchObject({ status: 200 });
    await new Promise((r) => setTimeout(r, 1_200));
    await endCalls(bed);

    const missed = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    await popup.waitForSelector('[data-testid="answer"]');
    await bed.peer.hangup();
    await missed.catch(() => undefined);

    const entries = await waitForHistory(popup, 3);
    expect(entries.map((e) => e.direction)).toEqual(['missed', 'incoming', 'outgoing']);
    expect(entries.map((e) => e.number)).toEqual([PEER_NUMBER, PEER_NUMBER, PEER_NUMBER]);
    expect(entries[0]!.detail).toBe('Missed');
    expect(entries[1]!.detail).toMatch(/^0:0[1-9]$/);
    expect(entries[2]!.detail).toMatch(/^0:0[1-9]$/);
    const text = await popup.$eval('[data-testid="history"]', (el) => (el as HTMLElement).innerText);
    expect(text).toContain('+44 20 7946 0958');
    expect(text).toMatch(/\d{1,2}:\d{2}/);
  });

  test('a click on an entry calls the number again', async () => {
    const before = (await bed.peer.snapshot()).sipLog.filter((e) => e.dir === 'in' && e.line.startsWith('INVITE ')).length;
    const [entry] = await bed.popup.$$('[data-testid="history-entry"] button');
    await (entry as ElementHandle<Element>).click();
    await bed.peer.waitFor((s) => s.callState === 'established' && s.sipLog.filter((e) => e.dir === 'in' && e.line.startsWith('INVITE ')).length > before, 10_000, 'the redial');
    expect(await waitForTestId(bed.popup, 'call-state', /Connected/)).toContain(PEER_SHOWN);
    await endCalls(bed);
    expect((await waitForHistory(bed.popup, 4))[0]!.direction).toBe('outgoing');
  });

  test('Clear empties the list', async () => {
    await bed.popup.click('[data-testid="clear-history"]');
    expect(await waitForTestId(bed.popup, 'history', /No calls yet/)).toBeTruthy();
    await bed.popup.reload();
    expect(await waitForTestId(bed.popup, 'history', /No calls yet/)).toBeTruthy();
  });
});

describe('per-site switch in the popup', () => {
  test('switching the current site off removes its links from the open tab; on brings them back', async () => {
    const page = await bed.browser.newPage();
    await page.goto(`${bed.fixtures.url}/interactive/clicks.html`);
    expect(await waitForLinksToSettle(page, 300)).toBeGreaterThan(0);
    await page.bringToFront();
    // The dialer window in front of the browser window whose active tab is the page (what the toolbar popup sees too).
    const control = await controlPage(bed.browser);
    await page.bringToFront();
    await control.evaluate((url) => chrome.windows.create({ url, type: 'popup', width: 380, height: 600 }), `${EXTENSION_ORIGIN}/popup/dialer/popup.html`);
    const target = await bed.browser.waitForTarget((t) => t.url() === `${EXTENSION_ORIGIN}/popup/dialer/popup.html` && t !== bed.popup.target(), { timeout: 5_000 });
    const dialer = (await target.asPage())!;
    const toggle = await dialer.waitForSelector('[data-testid="site-toggle"]', { timeout: 5_000 });
    expect(await dialer.$eval('[data-testid="site-switch"]', (el) => el.textContent)).toContain('Link phone numbers on 127.0.0.1');
    expect(await toggle!.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);

    await toggle!.click();
    await page.waitForFunction(() => document.querySelectorAll('a[data-dialable]').length === 0, { polling: 100, timeout: 5_000 });
    expect((await storedSettings()).detection.disabledSites).toEqual(['127.0.0.1']);
    expect(await dialer.$eval('[data-testid="site-toggle"]', (el) => (el as HTMLInputElement).checked)).toBe(false);

    await dialer.click('[data-testid="site-toggle"]');
    await page.waitForFunction(() => document.querySelectorAll('a[data-dialable]').length > 0, { polling: 100, timeout: 5_000 });
    expect((await storedSettings()).detection.disabledSites).toEqual([]);
    await dialer.close();
    await page.close();
  });

  test('the site\'s country: the page is read for its own country (tooltip says which), the popup\'s choice re-reads it, "Automatic" brings it back', async () => {
    const before = (await storedSettings()).detection.defaultCountry;
    await setSettings(bed.browser, { defaultCountry: '', siteCountries: {} });
    const page = await bed.browser.newPage();
    // A Swiss contact page (lang="de-CH"): 044 668 18 56 is Zurich, and also a valid German number.
    await page.goto(`${bed.fixtures.url}/auto-kontakt-ch.html`);
    await waitForLinksToSettle(page, 300);
    const first = () => page.$eval('a[data-dialable]', (a) => ({ e164: a.getAttribute('data-dialable'), title: a.getAttribute('title') }));
    expect(await first()).toEqual({ e164: '+41446681856', title: 'Call +41 44 668 18 56 with Dialable (country assumed: Switzerland)' });

    const control = await controlPage(bed.browser);
    await page.bringToFront();
    await control.evaluate((url) => chrome.windows.create({ url, type: 'popup', width: 380, height: 600 }), `${EXTENSION_ORIGIN}/popup/dialer/popup.html`);
    const target = await bed.browser.waitForTarget((t) => t.url() === `${EXTENSION_ORIGIN}/popup/dialer/popup.html` && t !== bed.popup.target(), { timeout: 5_000 });
    const dialer = (await target.asPage())!;
    await dialer.waitForSelector('select[name="siteCountry"]', { timeout: 5_000 });
    expect(await dialer.$eval('select[name="siteCountry"]', (el) => (el as HTMLSelectElement).value)).toBe('');

    await dialer.select('select[name="siteCountry"]', 'DE');
    await page.waitForFunction(() => document.querySelector('a[data-dialable]')?.getAttribute('data-dialable') === '+49446681856', { polling: 100, timeout: 5_000 });
    expect((await first()).title).toBe('Call +49 4466 81856 with Dialable (country assumed: Germany)');
    expect((await storedSettingsOf(bed.browser)).detection.siteCountries).toEqual({ '127.0.0.1': 'DE' });

    await dialer.select('select[name="siteCountry"]', '');
    await page.waitForFunction(() => document.querySelector('a[data-dialable]')?.getAttribute('data-dialable') === '+41446681856', { polling: 100, timeout: 5_000 });
    expect((await storedSettingsOf(bed.browser)).detection.siteCountries).toEqual({});
    await dialer.close();
    await page.close();
    await setSettings(bed.browser, { defaultCountry: before });
  });
});

describe('settings export and import (options page)', () => {
  async function exportFile(options: Page, includePassword: boolean): Promise<string> {
    for (const f of readdirSync(downloads)) rmSync(join(downloads, f));
    const box = await options.$('input[name="includePassword"]');
    if ((await box!.evaluate((el) => (el as HTMLInputElement).checked)) !== includePassword) await box!.click();
    await options.click('[data-testid="export-settings"]');
    const file = join(downloads, 'dialable-settings.json');
    for (let i = 0; i < 100; i++) {
      if (readdirSync(downloads).includes('dialable-settings.json')) return readFileSync(file, 'utf8');
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no download in ${downloads}: ${readdirSync(downloads).join(', ')}`);
  }

  async function importFile(options: Page, text: string): Promise<string> {
    const path = join(downloads, 'to-import.json');
    writeFileSync(path, text);
    const input = (await options.$('[data-testid="import-settings"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    return waitForTestId(options, 'transfer-status', /./, 15_000);
  }

  test('round trip: export, change everything, import — settings and account come back; the password only when asked for', async () => {
    const options = await openExtensionPage(bed.browser, 'popup/options/options.html');
    await options.waitForSelector('#preferences');
    await screenshot(options, 'options');
    await options.select('select[name="defaultCountry"]', 'DE');
    await options.select('select[name="linkStyle"]', 'none');
    await options.select('select[name="plus"]', 'idd');
    await options.$eval('textarea[name="disabledSites"]', (el) => ((el as HTMLTextAreaElement).value = ''));
    await options.type('textarea[name="disabledSites"]', 'mail.example.com');
    await options.click('#preferences button[type="submit"]');
    await options.waitForFunction(() => /Saved/.test(document.querySelector('#preferences [role="status"]')?.textContent ?? ''));

    const withoutPassword = await exportFile(options, false);
    const file = JSON.parse(withoutPassword);
    expect(file).toMatchObject({
      format: 'dialable-settings',
      settings: { detection: { defaultCountry: 'DE', linkStyle: 'none', disabledSites: ['mail.example.com'] }, calling: { dialRules: { plus: 'idd' } } },
      account: { server: bed.sip.wsUrl, username: 'alice', domain: bed.sip.domain },
    });
    expect(withoutPassword).not.toContain('alice-secret');
    expect(file.account).not.toHaveProperty('password');
    const withPassword = await exportFile(options, true);
    expect(JSON.parse(withPassword).account.password).toBe('alice-secret');

    // Everything changes: settings back to defaults, the account to a wrong password (registration fails).
    await updateSettings(bed.browser, { detection: { defaultCountry: 'GB', linkStyle: 'dotted', disabledSites: [] }, calling: { dialRules: { plus: 'keep', idd: '00', outsidePrefix: '', rewrites: [] } } });
    expect((await storedSettings()).calling.dialRules.plus).toBe('keep');
    expect(await saveAccount(bed.browser, bed.sip, 'wrong-password')).toMatchObject({ registered: false });

    // The file without a password brings the settings back and keeps the (now wrong) stored password.
    expect(await importFile(options, withoutPassword)).toMatch(/Settings imported\. .*401/);
    expect((await storedSettings()).detection).toMatchObject({ defaultCountry: 'DE', linkStyle: 'none', disabledSites: ['mail.example.com'] });
    expect((await storedSettings()).calling.dialRules.plus).toBe('idd');
    expect(await options.$eval('select[name="defaultCountry"]', (el) => (el as HTMLSelectElement).value)).toBe('DE');

    // The file with the password restores the account completely.
    expect(await importFile(options, withPassword)).toContain(`Settings imported. Registered as alice@${bed.sip.domain}`);
    expect(await waitForTestId(bed.popup, 'registration', /Registered/)).toBeTruthy();
    expect(await options.$eval('#account [name="server"]', (el) => (el as HTMLInputElement).value)).toBe(bed.sip.wsUrl);

    expect(await importFile(options, '{"hello": "world"}')).toMatch(/not a Dialable settings file/);
    await options.close();
  });
});

describe('backup server and outbound proxy (options page account form)', () => {
  const BACKUP = 'wss://backup.dialable.invalid:8089/ws';
  const proxy = () => `sip:127.0.0.1:${bed.sip.port};transport=ws;lr`;

  /** The account as the engine stored it in the extension's IndexedDB (src/settings/secret-store.ts), password included. */
  async function storedAccount(): Promise<Record<string, unknown>> {
    const page = await controlPage(bed.browser);
    return page.evaluate(
      () =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const open = indexedDB.open('dialable-secrets');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('kv').objectStore('kv').get('account');
            get.onsuccess = () => {
              open.result.close();
              resolve(get.result as Record<string, unknown>);
            };
            get.onerror = () => reject(get.error);
          };
        }),
    );
  }

  /** The options page with the stored account loaded into its form. */
  async function openOptions(): Promise<Page> {
    const options = await openExtensionPage(bed.browser, 'popup/options/options.html');
    await options.waitForFunction(() => !!(document.querySelector('#account input[name="server"]') as HTMLInputElement | null)?.value, { timeout: 10_000 });
    return options;
  }

  /** Saves alice's account with both fields through the options page's own message, as the form does. */
  async function saveWithBoth(): Promise<void> {
    const control = await controlPage(bed.browser);
    const account = { server: bed.sip.wsUrl, username: 'alice', domain: bed.sip.domain, authUsername: '', password: 'alice-secret', displayName: '', iceServers: [], register: true, backupServer: BACKUP, outboundProxy: proxy() };
    await control.evaluate((a) => chrome.runtime.sendMessage({ type: 'ui:save-account', payload: { account: a } }), account);
    expect(await storedAccount()).toMatchObject({ backupServer: BACKUP, outboundProxy: proxy(), password: 'alice-secret' });
  }

  async function retype(options: Page, name: string, value: string): Promise<void> {
    // Unfold the backup server and proxy section when it is closed.
    await options.$eval('#account details', (el) => ((el as HTMLDetailsElement).open = true));
    const input = await options.waitForSelector(`#account input[name="${name}"]`, { visible: true });
    await input!.click({ clickCount: 3 });
    await options.keyboard.press('Backspace');
    if (value) await input!.type(value);
  }

  const valueOf = (options: Page, name: string) => options.$eval(`#account input[name="${name}"]`, (el) => (el as HTMLInputElement).value);

  test('both are saved with the account and read back after a reload; adding a backup server asks for the password first', async () => {
    expect(await saveAccount(bed.browser, bed.sip)).toMatchObject({ registered: true });
    const options = await openOptions();
    await options.bringToFront();
    // Folded away while unused; the summary opens it.
    const visible = () => options.$eval('#account input[name="backupServer"]', (el) => el.checkVisibility());
    expect(await visible()).toBe(false);
    await options.click('#account summary');
    expect(await visible()).toBe(true);
    await retype(options, 'backupServer', BACKUP);
    // The saved password was entered without this backup server: the form asks for it again, and says why.
    expect(await options.$eval('[data-testid="password-why"]', (el) => el.textContent)).toMatch(/belongs to the server, SIP domain and user name/);
    expect(await options.$('#account input[name="password"][required]')).not.toBeNull();
    await retype(options, 'outboundProxy', proxy());
    await options.click('#account button[type="submit"]');
    expect(await waitForTestId(options, 'error-password', /belongs to the server/)).toBeTruthy();
    expect(await storedAccount()).toMatchObject({ backupServer: '', outboundProxy: '', password: 'alice-secret' });

    await retype(options, 'password', 'alice-secret');
    await options.click('#account button[type="submit"]');
    await waitForTestId(options, 'account-status', /./, 20_000);
    expect(await storedAccount()).toMatchObject({ server: bed.sip.wsUrl, backupServer: BACKUP, outboundProxy: proxy(), password: 'alice-secret' });

    await options.reload();
    await options.waitForFunction(() => !!(document.querySelector('#account input[name="backupServer"]') as HTMLInputElement | null)?.value, { timeout: 10_000 });
    expect(await valueOf(options, 'backupServer')).toBe(BACKUP);
    expect(await valueOf(options, 'outboundProxy')).toBe(proxy());
    // In use, so shown unfolded; the password is not asked for again (same binding).
    expect(await options.$eval('#account details', (el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await options.$('#account input[name="password"][required]')).toBeNull();
    await screenshot(options, 'options-backup-server');
    await options.close();
  });

  test('a bad backup server or outbound proxy gets its sentence beside the field, and nothing is saved', async () => {
    await saveWithBoth();
    const before = await storedAccount();
    const options = await openOptions();
    await options.bringToFront();
    await retype(options, 'backupServer', 'ws://backup.example.com/ws');
    await retype(options, 'outboundProxy', 'proxy.example.com;lr');
    await retype(options, 'password', 'alice-secret');
    await options.click('#account button[type="submit"]');
    expect(await waitForTestId(options, 'error-backupServer', /Plain ws:\/\/ is only allowed for a server on this computer/)).toBeTruthy();
    expect(await waitForTestId(options, 'error-outboundProxy', /must start with sip: or sips:/)).toBeTruthy();
    expect(await options.$eval('#account input[name="backupServer"]', (el) => [el.getAttribute('aria-invalid'), el.getAttribute('aria-describedby')])).toEqual(['true', 'backupServer-hint backupServer-error']);
    await retype(options, 'outboundProxy', 'sip:proxy.example.com>\r\nVia: SIP/2.0/WS evil;lr');
    await options.click('#account button[type="submit"]');
    expect(await waitForTestId(options, 'error-outboundProxy', /SIP address such as sip:proxy\.example\.com;lr/)).toBeTruthy();
    expect(await storedAccount()).toEqual(before);
    await options.close();
  });

  test('another backup server in an imported file without a password clears the stored one; the form asks for it', async () => {
    await saveWithBoth();
    const options = await openOptions();
    const path = join(downloads, 'other-backup.json');
    const { password: _, ...account } = await storedAccount();
    writeFileSync(path, JSON.stringify({ format: 'dialable-settings', version: 1, settings: await storedSettings(), account: { ...account, backupServer: 'wss://elsewhere.dialable.invalid/ws' } }));
    const input = (await options.$('[data-testid="import-settings"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    expect(await waitForTestId(options, 'transfer-status', /Enter the password/, 20_000)).toBeTruthy();
    expect(await storedAccount()).toMatchObject({ backupServer: 'wss://elsewhere.dialable.invalid/ws', password: '' });
    // The page reloads the imported account: the password is required, with the reason.
    await options.waitForFunction(() => (document.querySelector('#account input[name="backupServer"]') as HTMLInputElement | null)?.value.includes('elsewhere'), { timeout: 10_000 });
    await options.waitForSelector('#account input[name="password"][required]', { timeout: 5_000 });
    expect(await options.$eval('[data-testid="password-why"]', (el) => el.textContent)).toMatch(/removed because the server, SIP domain or user name changed \(or the backup server or outbound proxy\)/);
    await options.close();
    // Back to the plain account for whatever runs next.
    expect(await saveAccount(bed.browser, bed.sip)).toMatchObject({ registered: true });
    expect(await storedAccount()).toMatchObject({ backupServer: '', outboundProxy: '' });
  });
});
