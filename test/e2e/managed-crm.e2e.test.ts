import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startManagedChromium, type ManagedChromium } from './support/managed-chromium';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

/**
 * The CRM policy keys through a real Chromium policy (for a copy of the build with its own id, as in
 * managed-cti.e2e): a valid `callLogUrl` is in effect and locks its field; a `screenPopUrl` over plain http to
 * another host is dropped, and the user's field stays free.
 */
let managed: ManagedChromium;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  managed = await startManagedChromium({ callLogUrl: `${receiver.origin}/log`, screenPopUrl: 'http://crm.example.com/?p={e164}' }, 'callLogUrl');
}, 60_000);

afterAll(async () => {
  await managed?.close();
  await receiver?.close();
});

describe('screenPopUrl and callLogUrl by policy', () => {
  test('the options page shows the policy webhook locked, the invalid screen-pop policy dropped; nothing is sent', async () => {
    const options = await managed.open(`${managed.ext.origin}/popup/options/options.html`);
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
