import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { crmUrl, cti, ctiReady, postEverything } from './support/cti-page';
import { startManagedChromium, type ManagedChromium } from './support/managed-chromium';
import { startFixtureServer } from './support/fixture-server';
import type { StaticServer } from './support/static-server';

/**
 * The CTI allowed origins set by a real Chromium policy (`ctiOrigins`, for a copy of the build with its own id, as in
 * managed.e2e.test.ts): the user's own list is empty, yet the listed web app answers, another origin gets nothing,
 * and the options page shows the policy's list locked.
 */
let crm: StaticServer;
let other: StaticServer;
let managed: ManagedChromium;
const open = (url: string) => managed.open(url);

beforeAll(async () => {
  crm = await startFixtureServer();
  other = await startFixtureServer();
  managed = await startManagedChromium({ ctiOrigins: [new URL(crm.url).origin, 'http://crm.example.com'] }, 'ctiOrigins');
}, 60_000);

afterAll(async () => {
  await managed?.close();
  await Promise.all([crm?.close(), other?.close()]);
});

describe('ctiOrigins by policy', () => {
  test('the listed web app answers (no account: not registered; a first call abroad waits for the user); another origin gets nothing', async () => {
    const frame = (await open(crmUrl(crm))).mainFrame();
    await ctiReady(frame);
    expect(await cti(frame, 'status')).toMatchObject({ ok: true, status: { registered: false, calls: [] } });
    // The browser's region is not GB and nothing was called before: the confirm rules hold for a policy-allowed app too.
    expect(await cti(frame, 'call', { number: '+442079460958' })).toMatchObject({ ok: false, error: 'confirm-required' });
    const { received } = await postEverything((await open(crmUrl(other))).mainFrame());
    expect(received).toEqual([]);
  });

  test('the options page shows the policy list (its valid entries) locked', async () => {
    const options = await open(`${managed.ext.origin}/popup/options/options.html`);
    await options.waitForSelector('textarea[name="ctiOrigins"]');
    await options.waitForFunction(() => (document.querySelector('textarea[name="ctiOrigins"]') as HTMLTextAreaElement).value !== '', { polling: 100, timeout: 10_000 });
    const field = await options.$eval('textarea[name="ctiOrigins"]', (el) => ({ value: (el as HTMLTextAreaElement).value, disabled: (el as HTMLTextAreaElement).disabled }));
    expect(field).toEqual({ value: new URL(crm.url).origin, disabled: true });
    expect(await options.$eval('[data-testid="locked-ctiOrigins"]', (el) => el.textContent)).toMatch(/organisation/);
  });
});
