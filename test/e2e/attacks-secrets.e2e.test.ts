import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dialFromPopup as dial } from './support/dial-from-popup';
import { controlPage, evaluateInContentScript, offscreenPage, openExtensionPage, stopServiceWorker, storedSettings, updateSettings } from './support/extension';
import { hostileSettings, NOT_IN_STORAGE_LOCAL } from './support/hostile-settings';
import { importSettingsFile, settingsFile } from './support/import-settings-file';
import { openClicksPage } from './support/open-clicks-page';
import { PEER_NUMBER, saveAccount, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';
import { startKamailio, type Kamailio } from './sip/kamailio';
import { SETTINGS_VERSION } from '../../src/settings/defaults';

/**
 * "Secrets go only where the user sent them", attacked in a real Chromium against real Kamailios: a content script
 * (the world a hostile page shares the renderer with) writing extension storage, a settings file pointing at another
 * server, and a page of ours writing a stale copy over another page's change.
 */
let bed: SipBed;
let other: Kamailio | undefined;
let dir: string;

beforeAll(async () => {
  bed = await startSipBed();
  dir = mkdtempSync(join(tmpdir(), 'dialable-secrets-'));
}, 60_000);

afterAll(async () => {
  await bed?.close();
  await other?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A page of the fixture server with our content script running in it. */
function pageWithContentScript(): Promise<Page> {
  return openClicksPage(bed.browser, bed.fixtures);
}

/** Dials from the popup (in front) as a user would; returns the dialled address as the peer received it. */
async function dialFromPopup(number: string): Promise<string> {
  await bed.popup.bringToFront();
  return dial(bed, number);
}

/** Imports a settings file on the options page (in front) and returns the status it shows. */
async function importFile(options: Page, content: unknown): Promise<string> {
  await options.bringToFront();
  return importSettingsFile(options, dir, content);
}

describe('a content script cannot reach the calling settings or the account', () => {
  test('writing storage.local from the content script’s own world does not change what a later popup call dials', async () => {
    const page = await pageWithContentScript();
    // Every shape a hostile script could try: today's version, and "older" ones a migration might pick up.
    for (const version of [3, 2, 1]) {
      await evaluateInContentScript(page, `chrome.storage.local.set(${JSON.stringify(hostileSettings(version))}).then(() => true)`);
      // The background hears the write (storage.onChanged) and re-reads the settings: give that a chance to land.
      await bed.popup.evaluate(() => new Promise((r) => setTimeout(r, 300)));
      expect(await dialFromPopup(PEER_NUMBER)).toContain(`sip:${PEER_NUMBER}@${bed.sip.domain}`);
    }
    // The account is still the user's: registered as alice at the real server.
    expect(await waitForTestId(bed.popup, 'registration', /Registered as alice@/)).toBeTruthy();
    await page.close();
  });

  test('storage.local, as a content script reads it, holds no server, user name, password or dial rules', async () => {
    await updateSettings(bed.browser, { calling: { dialRules: { plus: 'idd', idd: '00', outsidePrefix: '9', rewrites: [{ match: '0044', replace: '44' }] } } });
    const page = await pageWithContentScript();
    await evaluateInContentScript(page, 'chrome.storage.local.clear().then(() => true)');
    // The user changes a detection setting: what lands in storage.local now is all a content script can see.
    await updateSettings(bed.browser, { detection: { linkStyle: 'none' } });
    const seen = JSON.stringify(await evaluateInContentScript(page, 'chrome.storage.local.get(null)'));
    expect(seen).toContain('"linkStyle":"none"');
    for (const secret of [bed.sip.wsUrl, String(bed.sip.port), ...NOT_IN_STORAGE_LOCAL]) {
      expect(seen).not.toContain(secret);
    }
    // …while the extension's own pages still have the rules.
    expect((await storedSettings(bed.browser)).calling).toMatchObject({ dialRules: { outsidePrefix: '9' } });
    await updateSettings(bed.browser, { detection: { linkStyle: 'dotted' }, calling: { dialRules: { plus: 'keep', idd: '00', outsidePrefix: '', rewrites: [] } } });
    await page.close();
  });
});

describe('an install from before settings version 3', () => {
  test('its calling and audio settings move from storage.local into the extension’s IndexedDB, once', async () => {
    const control = await controlPage(bed.browser);
    // What version 2 stored: everything in storage.local, nothing in the private area yet. (storage.local first: the
    // contexts that hear that write still find the private area and leave it alone.)
    await control.evaluate(async () => {
      const calling = { dtmf: 'info', historySize: 50, dialRules: { plus: 'idd', idd: '00', outsidePrefix: '9', rewrites: [] } };
      await chrome.storage.local.set({ settings: { version: 2, detection: { defaultCountry: 'GB' }, calling, audio: { volume: 0.4 } } });
    });
    await control.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    await control.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('dialable-secrets');
          open.onsuccess = () => {
            const tx = open.result.transaction('kv', 'readwrite');
            tx.objectStore('kv').delete('settings');
            tx.oncomplete = () => done();
            tx.onerror = () => fail(tx.error);
          };
        }),
    );
    const options = await openExtensionPage(bed.browser, 'popup/options/options.html');
    await options.waitForSelector('#preferences');
    expect(await options.$eval('input[name="outsidePrefix"]', (el) => (el as HTMLInputElement).value)).toBe('9');
    const local = await control.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(local).toEqual({ version: SETTINGS_VERSION, detection: expect.objectContaining({ defaultCountry: 'GB' }) });
    expect(await storedSettings(bed.browser)).toMatchObject({ calling: { dtmf: 'info', historySize: 50, confirmPageCalls: false, dialRules: { outsidePrefix: '9' } }, audio: { volume: 0.4 } });
    await updateSettings(bed.browser, { calling: { dtmf: 'rfc4733', historySize: 200, dialRules: { plus: 'keep', idd: '00', outsidePrefix: '', rewrites: [] } }, audio: { volume: 1 } });
    await options.close();
  });
});

describe('private settings reach the engine without storage.local', () => {
  test('a calling setting changed while the service worker sleeps reaches the engine at once', async () => {
    const control = await controlPage(bed.browser);
    await stopServiceWorker(control);
    await updateSettings(bed.browser, { calling: { dtmf: 'info' } });
    const engine = await offscreenPage(bed.browser);
    type EngineSettings = { dialableEngine: { settings: { calling: { dtmf: string } } } };
    await engine.waitForFunction(() => (globalThis as unknown as EngineSettings).dialableEngine.settings.calling.dtmf === 'info', { polling: 100, timeout: 5_000 });
    await updateSettings(bed.browser, { calling: { dtmf: 'rfc4733' } });
    await engine.waitForFunction(() => (globalThis as unknown as EngineSettings).dialableEngine.settings.calling.dtmf === 'rfc4733', { polling: 100, timeout: 5_000 });
  });
});

describe('the options page writes only what was changed on it', () => {
  test('a per-site switch flipped in the popup while options is open survives a link-style change saved there', async () => {
    const options = await openExtensionPage(bed.browser, 'popup/options/options.html');
    await options.waitForSelector('#preferences select[name="linkStyle"]');
    // The popup's per-site switch writes through the same store, from another page, while options is open.
    await updateSettings(bed.browser, { detection: { disabledSites: ['crm.example.com'] } });
    await options.bringToFront();
    await options.select('select[name="linkStyle"]', 'none');
    await options.click('#preferences button[type="submit"]');
    await waitForTestId(options, 'preferences-status', /./);
    const stored = await storedSettings(bed.browser);
    expect(stored.detection).toMatchObject({ linkStyle: 'none', disabledSites: ['crm.example.com'] });
    // The open page shows the other page's change too.
    await options.waitForFunction(() => (document.querySelector('textarea[name="disabledSites"]') as HTMLTextAreaElement).value === 'crm.example.com', { timeout: 5_000 });
    await updateSettings(bed.browser, { detection: { linkStyle: 'dotted', disabledSites: [] } });
    await options.close();
  });
});

describe('the password is bound to the server and account it was entered for', () => {
  test('a settings file for the same server and user without a password keeps the stored one (and registers)', async () => {
    const saved = bed.sip.savedCount('alice');
    const options = await openExtensionPage(bed.browser, 'popup/options/options.html');
    const status = await importFile(options, settingsFile({ server: bed.sip.wsUrl, domain: bed.sip.domain, displayName: 'Alice A.' }));
    expect(status).toContain(`Registered as alice@${bed.sip.domain}`);
    expect(bed.sip.savedCount('alice')).toBeGreaterThan(saved);
    await options.close();
  });

  test('a settings file pointing at another server without a password: no authenticated REGISTER there, the form asks why', async () => {
    other = await startKamailio({ users: { alice: 'alice-secret' } });
    const options = await openExtensionPage(bed.browser, 'popup/options/options.html');
    const status = await importFile(options, settingsFile({ server: other.wsUrl, domain: other.domain }));
    expect(status).toContain('Enter the password');
    // The engine has settled on "no password": it asks for one instead of trying.
    expect(await waitForTestId(bed.popup, 'registration', /Enter the password/)).toBeTruthy();
    expect(other.registerCount('alice')).toBe(0);
    expect(other.savedCount('alice')).toBe(0);
    expect(other.logs()).not.toMatch(/Authorization/i);
    // The first server: alice's binding was removed when the account moved away (nothing registers there either).
    expect(await bed.sip.bindings('alice')).toBe(0);
    // The options page (reloaded after the import) marks the password required and says why.
    await options.waitForFunction(() => (document.querySelector('#account input[name="server"]') as HTMLInputElement | null)?.value.includes(':'), { timeout: 5_000 });
    const password = await options.waitForSelector('#account input[name="password"][required]', { timeout: 5_000 });
    expect(await password!.evaluate((el) => el.getAttribute('aria-describedby'))).toContain('password-why');
    expect(await options.$eval('[data-testid="password-why"]', (el) => el.textContent)).toMatch(/removed because the server, SIP domain or user name changed/);
    // Going back to the first server by a file without a password does not bring the password back either.
    expect(await importFile(options, settingsFile({ server: bed.sip.wsUrl, domain: bed.sip.domain }))).toContain('Enter the password');
    expect(await bed.sip.bindings('alice')).toBe(0);
    await options.close();
    // Restore alice for whatever runs next.
    expect(await saveAccount(bed.browser, bed.sip)).toMatchObject({ registered: true });
  });

  test('changing the server in the form: the password is required again, with the reason beside it', async () => {
    const options = await openExtensionPage(bed.browser, 'popup/options/options.html');
    const server = await options.waitForSelector('#account input[name="server"]');
    await options.waitForFunction(() => (document.querySelector('#account input[name="server"]') as HTMLInputElement).value !== '');
    expect(await options.$('#account input[name="password"][required]')).toBeNull();
    await server!.click({ clickCount: 3 });
    await server!.type('wss://elsewhere.dialable.invalid/ws');
    expect(await options.$eval('[data-testid="password-why"]', (el) => el.textContent)).toMatch(/belongs to the server, SIP domain and user name/);
    expect(await options.$('#account input[name="password"][required]')).not.toBeNull();
    await options.click('#account button[type="submit"]');
    expect(await options.$eval('[data-testid="error-password"]', (el) => el.textContent)).toMatch(/belongs to the server/);
    await options.close();
  });
});
