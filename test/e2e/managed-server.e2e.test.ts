import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './support/chromium';
import { writeExtensionPolicy } from './support/chromium-policy';
import { CHROME_DIST } from './support/extension';
import { copyWithNewId, type ExtensionCopy } from './support/extension-copy';

/**
 * A policy value is checked like the account form checks it: a managed server with plain ws:// to another computer
 * would send the SIP digest and every call's signalling readable to the network, so it is dropped (the user's own
 * server stays in effect) and the options page says why. A real Chromium policy file, as in managed.e2e.test.ts,
 * for a copy of the build with its own id.
 */
const MANAGED = {
  server: 'ws://pbx.dialable.invalid:8080/ws',
  backupServer: 'ws://pbx2.dialable.invalid:8080/ws',
  // Angle brackets would let the value close the Route header's URI and add parameters of its own.
  outboundProxy: 'sip:proxy.dialable.invalid>;evil',
  domain: 'corp.dialable.invalid',
};

let browser: Browser;
let ext: ExtensionCopy;
let policy: { remove(): void } | undefined;
let control: Page;

async function openPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${ext.origin}/${path}`);
  return page;
}

beforeAll(async () => {
  ext = copyWithNewId(CHROME_DIST);
  policy = writeExtensionPolicy(ext.id, MANAGED);
  browser = await launchChromium({ extensionDir: ext.dir });
  control = await openPage('popup/welcome/welcome.html#control');
  await control.waitForFunction(async (domain) => (await chrome.storage.managed.get()).domain === domain, { timeout: 15_000, polling: 250 }, MANAGED.domain);
});

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    policy?.remove();
    ext?.remove();
  }
});

describe('a managed server is validated like the form’s', () => {
  test('ws:// to another computer is dropped: the server field stays the user’s, and the options page says why', async () => {
    const options = await openPage('popup/options/options.html');
    // The valid managed value (domain) is in effect, so the page has read the policy.
    await options.waitForSelector('[data-testid="locked-domain"]', { timeout: 10_000 });
    const note = await options.waitForSelector('[data-testid="managed-problem-server"]', { timeout: 10_000 });
    expect(await note!.evaluate((el) => el.textContent)).toMatch(/server setting was ignored: it uses unencrypted ws:\/\/ to another computer/);
    expect(await options.$('[data-testid="locked-server"]')).toBeNull();
    expect(await options.$eval('input[name="server"]', (el) => ({ value: (el as HTMLInputElement).value, disabled: (el as HTMLInputElement).disabled }))).toEqual({ value: '', disabled: false });
    await options.close();
  });

  test('a ws:// backup server and a malformed outbound proxy are dropped too, each with its sentence; the fields stay the user’s', async () => {
    const options = await openPage('popup/options/options.html');
    await options.waitForSelector('[data-testid="locked-domain"]', { timeout: 10_000 });
    const backup = await options.waitForSelector('[data-testid="managed-problem-backupServer"]', { timeout: 10_000 });
    expect(await backup!.evaluate((el) => el.textContent)).toMatch(/backup server setting was ignored: it uses unencrypted ws:\/\/ to another computer/);
    const proxy = await options.waitForSelector('[data-testid="managed-problem-outboundProxy"]', { timeout: 10_000 });
    expect(await proxy!.evaluate((el) => el.textContent)).toMatch(/outbound proxy setting was ignored: it is not a valid SIP address/);
    for (const name of ['backupServer', 'outboundProxy']) {
      expect(await options.$(`[data-testid="locked-${name}"]`)).toBeNull();
      expect(await options.$eval(`input[name="${name}"]`, (el) => ({ value: (el as HTMLInputElement).value, disabled: (el as HTMLInputElement).disabled }))).toEqual({ value: '', disabled: false });
    }
    await options.close();
  });

  test('an account saved with the user’s own server keeps it (the invalid policy value never replaces it)', async () => {
    const view = await control.evaluate(async () => {
      const account = { server: 'wss://own.dialable.invalid/ws', username: 'alice', domain: '', authUsername: '', password: 'pw', displayName: '', iceServers: [], register: false };
      await chrome.runtime.sendMessage({ type: 'ui:save-account', payload: { account } });
      return (await chrome.runtime.sendMessage({ type: 'ui:get-account', payload: {} })) as { server: string; domain: string };
    });
    expect(view).toMatchObject({ server: 'wss://own.dialable.invalid/ws', domain: MANAGED.domain });
  });
});
