import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dialFromPopup } from './support/dial-from-popup';
import { evaluateInFirefoxContentScript } from './support/evaluate-in-firefox-content-script';
import { storedSettingsOn, updateSettingsOn } from './support/extension';
import { findFirefoxPage, newWindowPage, openFirefoxPage, waitUntil } from './support/firefox';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { hostileSettings, NOT_IN_STORAGE_LOCAL } from './support/hostile-settings';
import { importSettingsFile, settingsFile } from './support/import-settings-file';
import { BED_USERS, PEER_NUMBER } from './support/sip-bed';
import { waitForText } from './support/wait-for-text';
import { startKamailio, type Kamailio } from './sip/kamailio';

/**
 * The Firefox side of attacks-secrets.e2e.test.ts, where the settings are read by other contexts: the event page
 * and the phone window, which runs the engine and reads the settings store itself (Chrome's offscreen document is
 * sent them). A compromised content script writes `storage.local`; a settings file points at another server.
 */
let bed: FirefoxBed;
let other: Kamailio | undefined;
let dir: string;

beforeAll(async () => {
  bed = await startFirefoxBed({ popup: true });
  dir = mkdtempSync(join(tmpdir(), 'dialable-secrets-'));
}, 60_000);

afterAll(async () => {
  await bed?.close();
  await other?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A window with the click fixture page, once our content script has linked its numbers. */
async function pageWithContentScript(): Promise<Page> {
  const page = await newWindowPage(bed.browser);
  await page.goto(`${bed.fixtures.url}/interactive/clicks.html`);
  await page.waitForSelector('#plain a[data-dialable]', { timeout: 10_000 });
  return page;
}

/** Our welcome page (opened on install): an extension page to change settings from, as the options page does. */
const welcome = () => findFirefoxPage(bed.browser, 'popup/welcome/welcome.html');

describe('Firefox: a content script cannot reach the calling settings or the account', () => {
  test('writing storage.local from the content script’s own world (old settings versions too) does not change what the phone window dials', async () => {
    const page = await pageWithContentScript();
    for (const version of [3, 2, 1]) {
      await evaluateInFirefoxContentScript(bed.browser, page, `chrome.storage.local.set(${JSON.stringify(hostileSettings(version))}).then(() => true)`);
      // The event page and the phone window hear the write (storage.onChanged) and re-read the settings.
      await bed.popup.evaluate(() => new Promise((r) => setTimeout(r, 300)));
      expect(await dialFromPopup(bed, PEER_NUMBER)).toContain(`sip:${PEER_NUMBER}@${bed.sip.domain}`);
    }
    // The account is still the user's: registered as alice at the real server.
    expect(await waitForText(bed.popup, 'registration', /Registered as alice@/)).toBeTruthy();
    await page.close();
  });

  test('storage.local, as a content script reads it, holds no server, user name, password or dial rules', async () => {
    const control = await welcome();
    await updateSettingsOn(control, { calling: { dialRules: { plus: 'idd', idd: '00', outsidePrefix: '9', rewrites: [{ match: '0044', replace: '44' }] } } });
    const page = await pageWithContentScript();
    await evaluateInFirefoxContentScript(bed.browser, page, 'chrome.storage.local.clear().then(() => true)');
    // The user changes a detection setting: what lands in storage.local now is all a content script can see.
    await updateSettingsOn(control, { detection: { linkStyle: 'none' } });
    const seen = JSON.stringify(await evaluateInFirefoxContentScript(bed.browser, page, 'chrome.storage.local.get(null)'));
    expect(seen).toContain('"linkStyle":"none"');
    for (const secret of [bed.sip.wsUrl, String(bed.sip.port), ...NOT_IN_STORAGE_LOCAL]) {
      expect(seen).not.toContain(secret);
    }
    // …while the extension's own pages still have the rules.
    expect((await storedSettingsOn(control)).calling).toMatchObject({ dialRules: { outsidePrefix: '9' } });
    await updateSettingsOn(control, { detection: { linkStyle: 'dotted' }, calling: { dialRules: { plus: 'keep', idd: '00', outsidePrefix: '', rewrites: [] } } });
    await page.close();
  });
});

describe('Firefox: the password is bound to the server and account it was entered for', () => {
  test('a settings file pointing at another server without a password: no authenticated REGISTER there, the popup asks for it', async () => {
    other = await startKamailio({ users: { alice: BED_USERS.alice } });
    const options = await openFirefoxPage(bed.browser, 'popup/options/options.html');
    const status = await importSettingsFile(options, dir, settingsFile({ server: other.wsUrl, domain: other.domain }));
    expect(status).toContain('Enter the password');
    // The engine in the phone window has settled on "no password": it asks for one instead of trying.
    expect(await waitForText(bed.popup, 'registration', /Enter the password/)).toBeTruthy();
    expect(other.registerCount('alice')).toBe(0);
    expect(other.savedCount('alice')).toBe(0);
    expect(other.logs()).not.toMatch(/Authorization/i);
    // The first server: alice's binding was removed when the account moved away.
    await waitUntil(async () => (await bed.sip.bindings('alice')) === 0, 5_000, "alice's binding to leave the first server");
    // Going back to the first server by a file without a password does not bring the password back either.
    expect(await importSettingsFile(options, dir, settingsFile({ server: bed.sip.wsUrl, domain: bed.sip.domain }))).toContain('Enter the password');
    expect(await bed.sip.bindings('alice')).toBe(0);
    await options.close();
  });
});
