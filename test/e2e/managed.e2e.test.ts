import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './support/chromium';
import { CHROME_DIST, evaluateInContentScript } from './support/extension';
import { copyWithNewId, type ExtensionCopy } from './support/extension-copy';
import { startFixtureServer } from './support/fixture-server';
import { waitForLinksToSettle } from './support/settle';
import type { StaticServer } from './support/static-server';

/**
 * Managed settings through a real browser policy: Chromium on Linux reads /etc/chromium/policies/managed/*.json,
 * and the "3rdparty" policy fills an extension's `storage.managed`. The test writes its own uniquely named policy
 * file (as root, like CI), launches its own Chromium, and removes the file afterwards whatever happens. The policy
 * names the id of a copy of the build with its own key, so other Chromiums running meanwhile (with the real id) are
 * not managed by it.
 */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, `dialable-e2e-${process.pid}-${Date.now()}.json`);
const MANAGED = {
  server: 'wss://pbx.dialable.invalid:8089/ws',
  backupServer: 'wss://pbx2.dialable.invalid:8089/ws',
  outboundProxy: 'sip:proxy.dialable.invalid:5060;transport=ws;lr',
  domain: 'corp.dialable.invalid',
  defaultCountry: 'DE',
  detectionEnabled: false,
  linkStyle: 'none',
};

let browser: Browser;
let fixtures: StaticServer;
let ext: ExtensionCopy;
let control: Page;

/** One of the copy's pages as a tab. */
async function openPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${ext.origin}/${path}`);
  return page;
}

function writePolicy(): void {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [ext.id]: MANAGED } } }));
  } catch (error) {
    throw new Error(
      `Cannot write the Chromium policy file ${POLICY_FILE} (${String(error)}). This test needs write access to ${POLICY_DIR} ` +
        '(run it as root, as CI does): Chromium on Linux reads machine policy only from there.',
      { cause: error },
    );
  }
}

const removePolicy = () => rmSync(POLICY_FILE, { force: true });

beforeAll(async () => {
  // Also on Ctrl-C or a crash of the test process: the file would manage every Chromium on this machine.
  process.once('exit', removePolicy);
  ext = copyWithNewId(CHROME_DIST);
  writePolicy();
  fixtures = await startFixtureServer();
  browser = await launchChromium({ extensionDir: ext.dir });
  // Policy is loaded a moment after start: wait until the extension sees it.
  control = await openPage('popup/welcome/welcome.html#control');
  await control.waitForFunction(async (server) => (await chrome.storage.managed.get()).server === server, { timeout: 15_000, polling: 250 }, MANAGED.server);
  // The user's own choices, which the policy overrides.
  await control.evaluate(() => chrome.storage.local.set({ settings: { version: 1, detection: { enabled: true, defaultCountry: 'GB', linkStyle: 'dotted', disabledSites: [] } } }));
});

afterAll(async () => {
  try {
    await browser?.close();
    await fixtures?.close();
  } finally {
    removePolicy();
    ext?.remove();
  }
});

const inputState = (page: Page, selector: string) =>
  page.$eval(selector, (el) => {
    const input = el as HTMLInputElement;
    return { value: input.type === 'checkbox' ? String(input.checked) : input.value, disabled: input.disabled, describedBy: input.getAttribute('aria-describedby') };
  });

describe('managed settings (browser policy)', () => {
  test('the options page shows the managed fields locked with the pushed values; the others stay editable', async () => {
    const options = await openPage('popup/options/options.html');
    await options.waitForSelector('[data-testid="locked-server"]', { timeout: 10_000 });
    expect(await inputState(options, 'input[name="server"]')).toEqual({ value: MANAGED.server, disabled: true, describedBy: 'server-locked' });
    expect(await inputState(options, 'input[name="domain"]')).toMatchObject({ value: MANAGED.domain, disabled: true });
    expect(await inputState(options, 'input[name="username"]')).toMatchObject({ value: '', disabled: false });
    expect(await options.$eval('[data-testid="locked-server"]', (el) => el.textContent)).toBe('Set by your organisation');
    // The backup server and proxy are locked too, and their folded section is open so the user sees them.
    expect(await inputState(options, 'input[name="backupServer"]')).toEqual({ value: MANAGED.backupServer, disabled: true, describedBy: 'backupServer-hint backupServer-locked' });
    expect(await inputState(options, 'input[name="outboundProxy"]')).toEqual({ value: MANAGED.outboundProxy, disabled: true, describedBy: 'outboundProxy-hint outboundProxy-locked' });
    expect(await options.$eval('#account details', (el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await inputState(options, 'input[name="detectionEnabled"]')).toEqual({ value: 'false', disabled: true, describedBy: 'detectionEnabled-locked' });
    expect(await inputState(options, 'select[name="defaultCountry"]')).toMatchObject({ value: 'DE', disabled: true });
    expect(await inputState(options, 'select[name="linkStyle"]')).toMatchObject({ value: 'none', disabled: true });
    expect(await inputState(options, 'textarea[name="disabledSites"]')).toMatchObject({ disabled: false });
    await options.close();
  });

  test('detection off by policy: no links on a page full of numbers, though the user switched detection on', async () => {
    const page = await browser.newPage();
    await page.goto(`${fixtures.url}/contact-gb.html`);
    expect(await waitForLinksToSettle(page, 1_000)).toBe(0);
    // The content script ran and read the policy value (and the user's own value says "on").
    expect(await evaluateInContentScript(page, 'chrome.storage.managed.get().then((v) => v.detectionEnabled)', ext.origin)).toBe(false);
    expect(await control.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { detection: { enabled: boolean } }).detection.enabled)).toBe(true);
    await page.close();
  });

  test('an account saved with another server gets the managed server, backup server, proxy and domain', async () => {
    const view = await control.evaluate(async () => {
      const account = { server: 'ws://127.0.0.1:9/', username: 'alice', domain: 'other.example', authUsername: '', password: 'pw', displayName: '', iceServers: [], register: true, backupServer: 'wss://mine.example/ws', outboundProxy: '' };
      await chrome.runtime.sendMessage({ type: 'ui:save-account', payload: { account } });
      return (await chrome.runtime.sendMessage({ type: 'ui:get-account', payload: {} })) as { server: string; domain: string; username: string };
    });
    expect(view).toMatchObject({ server: MANAGED.server, backupServer: MANAGED.backupServer, outboundProxy: MANAGED.outboundProxy, domain: MANAGED.domain, username: 'alice' });
  });

  test('importing a settings file changes no managed value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialable-import-'));
    const file = join(dir, 'dialable-settings.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'dialable-settings',
        version: 1,
        exportedAt: new Date().toISOString(),
        settings: { version: 1, detection: { enabled: true, defaultCountry: 'FR', disabledSites: [], linkStyle: 'dotted' } },
        account: { server: 'wss://elsewhere.dialable.invalid/ws', username: 'bob', domain: 'elsewhere.dialable.invalid', authUsername: '', password: 'pw', displayName: '', iceServers: [], register: true },
      }),
    );
    try {
      const options = await openPage('popup/options/options.html');
      const input = await options.waitForSelector('input[data-testid="import-settings"]');
      await input!.uploadFile(file);
      const status = await options.waitForFunction(() => document.querySelector('[data-testid="transfer-status"]')?.textContent, { timeout: 15_000 });
      expect(await status.jsonValue()).toContain('Fields set by your organisation keep their values.');
      await options.waitForFunction(() => (document.querySelector('input[name="username"]') as HTMLInputElement | null)?.value === 'bob', { timeout: 5_000 });
      expect(await inputState(options, 'input[name="server"]')).toMatchObject({ value: MANAGED.server, disabled: true });
      expect(await inputState(options, 'select[name="defaultCountry"]')).toMatchObject({ value: 'DE', disabled: true });
      expect(await inputState(options, 'input[name="detectionEnabled"]')).toMatchObject({ value: 'false', disabled: true });
      expect(await control.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:get-account', payload: {} }))).toMatchObject({ server: MANAGED.server, domain: MANAGED.domain, username: 'bob' });
      await options.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the popup offers no per-site switch and says the organisation decides', async () => {
    const page = await browser.newPage();
    await page.goto(`${fixtures.url}/contact-gb.html`);
    await page.bringToFront();
    await control.evaluate((url) => chrome.windows.create({ url, type: 'popup', width: 380, height: 600 }), `${ext.origin}/popup/dialer/popup.html`);
    const target = await browser.waitForTarget((t) => t.url() === `${ext.origin}/popup/dialer/popup.html`, { timeout: 5_000 });
    const dialer = (await target.asPage())!;
    const note = await dialer.waitForSelector('[data-testid="site-switch"]', { timeout: 5_000 });
    expect(await note!.evaluate((el) => el.textContent)).toBe('Your organisation decides where Dialable links phone numbers.');
    expect(await dialer.$('[data-testid="site-toggle"]')).toBeNull();
    await dialer.close();
    await page.close();
  });
});
