import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './support/chromium';
import { writeExtensionPolicy } from './support/chromium-policy';
import { CHROME_DIST } from './support/extension';
import { copyWithNewId, type ExtensionCopy } from './support/extension-copy';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

/**
 * The CRM policy keys through a real Chromium policy (for a copy of the build with its own id, as in
 * managed-cti.e2e): a valid `callLogUrl` is in effect and locks its field; a `screenPopUrl` over plain http to
 * another host is dropped, and the user's field stays free.
 */
let browser: Browser;
let ext: ExtensionCopy;
let receiver: WebhookReceiver;
let policy: { remove(): void } | undefined;

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  return page;
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  ext = copyWithNewId(CHROME_DIST);
  policy = writeExtensionPolicy(ext.id, { callLogUrl: `${receiver.origin}/log`, screenPopUrl: 'http://crm.example.com/?p={e164}' });
  browser = await launchChromium({ extensionDir: ext.dir });
  const control = await open(`${ext.origin}/popup/welcome/welcome.html#control`);
  await control.waitForFunction(async () => typeof (await chrome.storage.managed.get()).callLogUrl === 'string', { timeout: 15_000, polling: 250 });
}, 60_000);

afterAll(async () => {
  try {
    await browser?.close();
    await receiver?.close();
  } finally {
    policy?.remove();
    ext?.remove();
  }
});

describe('screenPopUrl and callLogUrl by policy', () => {
  test('the options page shows the policy webhook locked, the invalid screen-pop policy dropped; nothing is sent', async () => {
    const options = await open(`${ext.origin}/popup/options/options.html`);
    await options.waitForSelector('input[name="callLogUrl"]');
    await options.waitForFunction((url) => (document.querySelector('input[name="callLogUrl"]') as HTMLInputElement).value === url, { polling: 100, timeout: 10_000 }, `${receiver.origin}/log`);
    const field = (name: string) => options.$eval(`input[name="${name}"]`, (el) => ({ value: (el as HTMLInputElement).value, disabled: (el as HTMLInputElement).disabled }));
    expect(await field('callLogUrl')).toEqual({ value: `${receiver.origin}/log`, disabled: true });
    expect(await options.$eval('[data-testid="locked-callLogUrl"]', (el) => el.textContent)).toMatch(/organisation/);
    expect(await field('screenPopUrl')).toEqual({ value: '', disabled: false });
    expect(await options.$('[data-testid="locked-screenPopUrl"]')).toBeNull();
    // The queue's state shows for the policy's webhook; with no call yet nothing went out.
    await options.waitForSelector('[data-testid="call-log-status"][data-delivered="0"][data-waiting="0"]', { timeout: 10_000 });
    expect(receiver.requests).toEqual([]);
  });
});
