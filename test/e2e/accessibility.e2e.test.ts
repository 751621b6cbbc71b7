import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible } from './support/expect-accessible';
import { openExtensionPage } from './support/extension';
import { endCalls, PEER_NUMBER, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';

/**
 * Accessibility of the popup, the options and the welcome page in Chromium: axe-core finds no serious or critical
 * violation in light and dark mode (idle, during an outgoing call, an incoming call, with history); every control is
 * reached with Tab in a sensible order and shows a visible focus ring; `<html lang>` is the UI language.
 */
let bed: SipBed;

beforeAll(async () => {
  bed = await startSipBed();
  await bed.popup.setViewport({ width: 360, height: 560 });
});

afterAll(async () => {
  await bed?.close();
});

/** Presses Tab until focus comes back around; returns what got focus, in order, with its focus outline. */
async function tabOrder(page: Page, max = 60): Promise<Array<{ id: string; outline: string }>> {
  await page.bringToFront();
  // Start from the top of the page, as after opening it: focusing <body> moves the sequential focus starting point.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const seen: Array<{ id: string; outline: string }> = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el.matches('input[type="file"]') ? (el.closest('label') ?? el) : el);
      return {
        id: el.dataset.testid ?? el.getAttribute('name') ?? `${el.tagName.toLowerCase()}:${el.textContent?.trim().slice(0, 20)}`,
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
        visible: el.matches(':focus-visible'),
      };
    });
    if (!now) break;
    if (seen.some((s) => s.id === now.id) && seen[0]?.id === now.id) break;
    seen.push({ id: now.id, outline: now.visible ? now.outline : 'not focus-visible' });
  }
  return seen;
}

describe('axe-core finds no serious or critical problem', () => {
  test('popup, idle', async () => {
    await waitForTestId(bed.popup, 'registration', /Registered as/);
    expect(await bed.popup.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(bed.popup, 'popup idle');
  });

  test('popup during an outgoing call, then with history', async () => {
    await bed.popup.type('[data-testid="dial-input"]', PEER_NUMBER);
    await bed.popup.click('[data-testid="dial"]');
    await waitForTestId(bed.popup, 'call-state', /^Connected/);
    await expectAccessible(bed.popup, 'popup in call').finally(() => bed.popup.click('[data-testid="hangup"]'));
    await waitForTestId(bed.popup, 'call-state', /^Ended/);
    await bed.popup.waitForSelector('[data-testid="history-entry"]');
    await expectAccessible(bed.popup, 'popup with history');
  });

  test('popup with an incoming call', async () => {
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    await bed.popup.bringToFront();
    await bed.popup.waitForSelector('[data-testid="answer"]', { timeout: 10_000 });
    await expectAccessible(bed.popup, 'popup incoming').finally(() => bed.popup.click('[data-testid="decline"]'));
    expect(await calling).toMatchObject({ status: 603 });
    await endCalls(bed);
  });

  test('popup with Do not disturb on (the pressed toggle and its note)', async () => {
    await bed.popup.bringToFront();
    await bed.popup.click('[data-testid="dnd"]');
    await bed.popup.waitForSelector('[data-testid="dnd"][aria-pressed="true"]', { timeout: 5_000 });
    await expectAccessible(bed.popup, 'popup dnd').finally(() => bed.popup.click('[data-testid="dnd"]'));
    await bed.popup.waitForSelector('[data-testid="dnd"][aria-pressed="false"]', { timeout: 5_000 });
  });

  test('options page, also with validation errors shown', async () => {
    const options = await openExtensionPage(bed.browser, 'popup/options/options.html');
    await options.waitForSelector('#account input[name="server"]');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(options, 'options');
    await options.$eval('#account input[name="server"]', (i) => ((i as HTMLInputElement).value = ''));
    await options.type('#account input[name="server"]', 'http://x');
    await options.click('#account button[type="submit"]');
    await options.waitForSelector('[data-testid="error-server"]');
    await expectAccessible(options, 'options with errors');
    // The folded backup server and outbound proxy section, open, with its fields' own errors.
    await options.click('#account summary');
    await options.type('#account input[name="backupServer"]', 'ws://backup.example.com/ws');
    await options.type('#account input[name="outboundProxy"]', 'proxy.example.com');
    await options.click('#account button[type="submit"]');
    await options.waitForSelector('[data-testid="error-backupServer"]');
    await options.waitForSelector('[data-testid="error-outboundProxy"]');
    await expectAccessible(options, 'options with backup server and proxy errors');
    await options.close();
  });

  test('welcome page', async () => {
    const welcome = await openExtensionPage(bed.browser, 'popup/welcome/welcome.html');
    await welcome.waitForSelector('h1');
    expect(await welcome.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(welcome, 'welcome');
    await welcome.close();
  });
});

describe('keyboard', () => {
  test('Tab reaches the number, the keypad, the call button, the history and the options link, each with a focus ring', async () => {
    await bed.popup.$eval('[data-testid="dial-input"]', (i) => ((i as HTMLInputElement).value = ''));
    await bed.popup.type('[data-testid="dial-input"]', '123');
    const order = await tabOrder(bed.popup);
    const ids = order.map((o) => o.id);
    const keys = ['key-1', 'key-2', 'key-3', 'key-4', 'key-5', 'key-6', 'key-7', 'key-8', 'key-9', 'key-star', 'key-0', 'key-hash'];
    const expected = ['dnd', 'dial-input', 'dial', ...keys, 'clear-history', 'history-redial', 'open-options'];
    for (const id of expected) expect(ids, `Tab order: ${ids.join(' → ')}`).toContain(id);
    // In reading order: Do not disturb, number, call, keypad 1…#, history, options.
    const positions = expected.map((id) => ids.indexOf(id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const { id, outline } of order) expect(outline, id).toMatch(/^solid ([2-9]|\d{2,})(\.\d+)?px$/);
  });

  test('Tab reaches every field and button of the options page, each with a focus ring', async () => {
    const options = await openExtensionPage(bed.browser, 'popup/options/options.html');
    await options.waitForSelector('#account input[name="server"]');
    const order = await tabOrder(options, 80);
    const ids = order.map((o) => o.id);
    for (const id of ['server', 'username', 'password', 'register', 'detectionEnabled', 'defaultCountry', 'plus', 'dtmf', 'dndResponse', 'autoAnswer', 'intercom', 'export-settings', 'import-settings']) {
      expect(ids, `Tab order: ${ids.join(' → ')}`).toContain(id);
    }
    for (const { id, outline } of order) expect(outline, id).toMatch(/^solid ([2-9]|\d{2,})(\.\d+)?px$/);
    await options.close();
  });
});
