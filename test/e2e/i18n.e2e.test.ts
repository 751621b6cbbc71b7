import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MESSAGES } from '../../src/i18n/messages';
import { controlPage, openExtensionPage } from './support/extension';
import { PEER_NUMBER, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';
import { typeNumber } from './support/type-number';

/**
 * Dialable in a German browser (`--lang=de`, LANGUAGE=de, LANG=de_DE.UTF-8): the popup, the options and the welcome
 * page speak German, including the sentences the engine writes in the offscreen document, and no English message
 * (of those that differ in German) shows anywhere on them.
 */
let bed: SipBed;

beforeAll(async () => {
  bed = await startSipBed({ lang: 'de' });
  await bed.popup.setViewport({ width: 360, height: 560 });
  mkdirSync('test/artifacts/screenshots', { recursive: true });
});

afterAll(async () => {
  await bed?.close();
});

/**
 * Pieces of English messages that must not appear on a German page: each message that differs in German, cut at
 * its substitutions ($1), keeping pieces with a word of 4+ letters that the German message does not contain too.
 */
const ENGLISH_PIECES = Object.entries(MESSAGES.en).flatMap(([key, { message }]) => {
  const german = MESSAGES.de[key]?.message ?? '';
  if (message === german) return [];
  return message
    .split(/\$[1-9]/)
    .map((piece) => piece.trim())
    .filter((piece) => /[A-Za-z]{4,}/.test(piece) && !german.includes(piece))
    .map((piece) => ({ key, piece }));
});

/** Everything a user sees or hears on the page: text, placeholders, titles, accessible labels, option texts. */
async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[placeholder], [title], [aria-label]')].flatMap((el) =>
      ['placeholder', 'title', 'aria-label'].map((a) => el.getAttribute(a) ?? ''),
    );
    const options = [...document.querySelectorAll('option')].map((o) => o.textContent ?? '');
    return [document.title, document.body.innerText, ...attrs, ...options].join('\n');
  });
}

function englishLeaks(words: string): string[] {
  return ENGLISH_PIECES.filter(({ piece }) => words.includes(piece)).map(({ key, piece }) => `${key}: "${piece}"`);
}

describe('in a German browser', () => {
  test('the browser picks our German _locales; the UI language Dialable uses is de', async () => {
    const control = await controlPage(bed.browser);
    const seen = await control.evaluate(() => ({ ui: chrome.i18n.getUILanguage(), ours: chrome.i18n.getMessage('i18nLanguage'), lang: document.documentElement.lang }));
    expect(seen.ours).toBe('de');
    expect(seen.lang).toBe('de');
    // Debian's Chromium has UI packs only with chromium-l10n; without them it reports en-US whatever --lang says.
    const hasGermanPack = existsSync('/usr/lib/chromium/locales/de.pak');
    expect(seen.ui.startsWith(hasGermanPack ? 'de' : 'en')).toBe(true);
    expect(ENGLISH_PIECES.length).toBeGreaterThan(150);
    // The check itself: English text is caught, German text of the same messages is not.
    expect(englishLeaks('Recent calls\nHang up')).toEqual(expect.arrayContaining(['historyTitle: "Recent calls"', 'dialerHangUp: "Hang up"']));
    expect(englishLeaks('Letzte Anrufe\nAuflegen')).toEqual([]);
  });

  test('the popup is German, engine sentences included, with no English left', async () => {
    const popup = bed.popup;
    await waitForTestId(popup, 'registration', /^Angemeldet als alice@/);
    expect(await popup.evaluate(() => ({ lang: document.documentElement.lang, title: document.title }))).toEqual({ lang: 'de', title: 'Dialable' });
    expect(await waitForTestId(popup, 'call-state', /Bereit/)).toBe('Bereit');
    expect(await popup.$eval('[data-testid="dial"]', (b) => b.textContent)).toBe('Anrufen');
    expect(await popup.$eval('.keypad', (k) => k.getAttribute('aria-label'))).toBe('Wähltastatur');
    expect(await popup.$eval('[data-testid="key-star"]', (k) => k.getAttribute('aria-label'))).toBe('Stern');
    expect(await popup.$eval('[data-testid="dial-input"]', (i) => i.getAttribute('placeholder'))).toBe('Nummer oder SIP-Adresse');
    expect(await popup.$eval('#history-title', (h) => h.textContent)).toContain('Letzte Anrufe');
    expect(englishLeaks(await pageWords(popup))).toEqual([]);
    await popup.screenshot({ path: 'test/artifacts/screenshots/popup-de.png', fullPage: true });
  });

  test('a call shows German states, controls and history; the toolbar tooltip is German', async () => {
    const popup = bed.popup;
    await typeNumber(popup, PEER_NUMBER);
    await popup.click('[data-testid="dial"]');
    await waitForTestId(popup, 'call-state', /^Verbunden/);
    expect(await popup.$eval('[data-testid="hangup"]', (b) => b.textContent)).toBe('Auflegen');
    expect(await popup.$eval('[data-testid="mute"]', (b) => b.textContent)).toBe('Stumm');
    expect(await popup.$eval('[data-testid="hold"]', (b) => b.textContent)).toBe('Halten');
    expect(englishLeaks(await pageWords(popup))).toEqual([]);
    const control = await controlPage(bed.browser);
    expect(await control.evaluate(() => chrome.action.getTitle({}))).toMatch(/^Dialable – im Gespräch mit /);
    await popup.bringToFront();
    await popup.click('[data-testid="hangup"]');
    const ended = await waitForTestId(popup, 'call-state', /^Beendet/);
    expect(ended).toContain('Sie haben aufgelegt.');
    await popup.waitForSelector('[data-testid="history-entry"]');
    const entry = await popup.$eval('[data-testid="history-entry"] button', (b) => ({ title: b.getAttribute('title'), spoken: b.querySelector('.sr-only')?.textContent }));
    expect(entry.title).toMatch(/^\+44 20 7946 0958 erneut anrufen$/);
    expect(entry.spoken).toMatch(/^Ausgehender Anruf,/);
    expect(englishLeaks(await pageWords(popup))).toEqual([]);
  });

  test('the options page is German, validation sentences included, with no English left', async () => {
    const options = await openExtensionPage(bed.browser, 'popup/options/options.html');
    await options.waitForSelector('#account input[name="server"]');
    expect(await options.evaluate(() => ({ lang: document.documentElement.lang, title: document.title, h1: document.querySelector('h1')?.textContent }))).toEqual({
      lang: 'de',
      title: 'Dialable-Einstellungen',
      h1: 'Dialable-Einstellungen',
    });
    expect(await options.$eval('#account legend', (l) => l.textContent)).toBe('SIP-Konto');
    // Country names follow the UI language too (Intl.DisplayNames).
    expect(await options.$eval('select[name="defaultCountry"] option[value="DE"]', (o) => o.textContent)).toBe('Deutschland (+49)');
    expect(englishLeaks(await pageWords(options))).toEqual([]);
    // A sentence from src/settings (validation), shown beside its field.
    await options.$eval('#account input[name="server"]', (i) => ((i as HTMLInputElement).value = ''));
    await options.type('#account input[name="server"]', 'http://x');
    await options.click('#account button[type="submit"]');
    await options.waitForSelector('[data-testid="error-server"]');
    expect(await options.$eval('[data-testid="error-server"]', (e) => e.textContent)).toMatch(/^Die Adresse muss mit wss:\/\/ beginnen/);
    expect(englishLeaks(await pageWords(options))).toEqual([]);
    // The folded backup server and outbound proxy section: labels, help and its own sentences in German too.
    await options.click('#account summary');
    await options.type('#account input[name="backupServer"]', 'backup.example.com');
    await options.type('#account input[name="outboundProxy"]', 'proxy.example.com');
    await options.click('#account button[type="submit"]');
    await options.waitForSelector('[data-testid="error-outboundProxy"]');
    expect(await options.$eval('[data-testid="error-backupServer"]', (e) => e.textContent)).toMatch(/^Geben Sie die WebSocket-Adresse Ihres Ersatzservers ein/);
    expect(await options.$eval('[data-testid="error-outboundProxy"]', (e) => e.textContent)).toMatch(/^Der Outbound-Proxy muss mit sip: oder sips: beginnen/);
    expect(englishLeaks(await pageWords(options))).toEqual([]);
    await options.close();
  });

  test('the welcome page is German with no English left', async () => {
    const welcome = await openExtensionPage(bed.browser, 'popup/welcome/welcome.html');
    await welcome.waitForSelector('h1');
    expect(await welcome.evaluate(() => ({ lang: document.documentElement.lang, title: document.title }))).toEqual({ lang: 'de', title: 'Willkommen bei Dialable' });
    expect(await welcome.$eval('#mic-title', (h) => h.textContent)).toBe('1. Mikrofon erlauben');
    expect(englishLeaks(await pageWords(welcome))).toEqual([]);
    await welcome.close();
  });
});
