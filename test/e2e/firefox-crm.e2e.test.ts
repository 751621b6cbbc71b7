import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { saveCrmForm } from './support/crm-options';
import { dialFromPopup } from './support/dial-from-popup';
import { updateSettingsOn } from './support/extension';
import { openFirefoxPage } from './support/firefox';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { PEER_NUMBER } from './support/sip-bed';
import { waitUntil } from './support/wait-until';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

/**
 * Screen-pop and the call-log webhook in Firefox (docs/crm.md), where the engine lives in the phone window and the
 * event page opens the tab. The options form is filled as a user does; saving asks for the webhook's host
 * permission in the click, which Firefox grants here without its doorhanger
 * (`extensions.webextOptionalPermissionPrompts: false`, the pref Firefox's own tests use), and the test checks the
 * grant. The receiver on 127.0.0.1 checks what arrives.
 */
let bed: FirefoxBed;
let receiver: WebhookReceiver;
const SECRET = 'firefox-secret';
const pages: Page[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  bed = await startFirefoxBed({ popup: true, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
}, 90_000);

afterAll(async () => {
  for (const page of pages) await page.close().catch(() => undefined);
  await bed?.close();
  await receiver?.close();
});

/** The screen-pop pages open in the browser: their addresses. */
async function popUrls(): Promise<string[]> {
  const urls = await Promise.all((await bed.browser.pages()).map((page) => page.evaluate(() => location.href).catch(() => '')));
  return urls.filter((url) => url.startsWith(`${receiver.origin}/pop`));
}

describe('Firefox: screen-pop and the call log', () => {
  test('the options form saves both addresses and the secret; saving grants the host permission for that one host', async () => {
    const options = await openFirefoxPage(bed.browser, 'popup/options/options.html');
    pages.push(options);
    expect((await options.evaluate(() => chrome.permissions.getAll())).origins).not.toContain('http://127.0.0.1/*');
    expect(await saveCrmForm(options, { screenPopUrl: 'http://crm.example.com/?p={e164}' })).toMatch(/must start with https:\/\//);
    const again = await openFirefoxPage(bed.browser, 'popup/options/options.html');
    pages.push(again);
    const template = `${receiver.origin}/pop?phone={e164}&name={name}`;
    expect(await saveCrmForm(again, { screenPopUrl: template, callLogUrl: `${receiver.origin}/log`, callLogSecret: SECRET })).toBe('Saved.');
    // `<all_urls>` is the content script's match, granted at install; the webhook's host is the one added by saving.
    const granted = await again.evaluate(() => chrome.permissions.getAll());
    expect(granted.origins?.filter((o) => o !== '<all_urls>')).toEqual(['http://127.0.0.1/*']);
    expect(receiver.requests).toEqual([]);
  });

  test('an incoming call opens the templated page on ring; the missed call and an answered one arrive at the webhook, in order', async () => {
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`, { displayName: 'Jürgen ../../x?y=1&phone=+1' });
    await waitUntil(async () => (await popUrls()).length === 1, 15_000, 'the screen-pop page');
    const url = new URL((await popUrls())[0]!);
    expect(url.origin).toBe(receiver.origin);
    expect(url.pathname).toBe('/pop');
    expect(url.searchParams.getAll('phone')).toEqual([PEER_NUMBER]);
    expect(url.searchParams.get('name')).toBe('Jürgen ../../x?y=1&phone=+1');
    await waitUntil(async () => receiver.requests.some((r) => r.method === 'GET'), 10_000, 'the screen-pop request at the CRM');
    await bed.peer.hangup();
    await calling.catch(() => undefined);

    await bed.popup.bringToFront();
    await dialFromPopup(bed, PEER_NUMBER);
    await waitUntil(async () => receiver.records().length >= 2, 20_000, 'two call records');
    await new Promise((r) => setTimeout(r, 1_500));
    const records = receiver.records();
    expect(records.map((r) => [r.direction, r.result])).toEqual([
      ['incoming', 'missed'],
      ['outgoing', 'answered'],
    ]);
    expect(records[0]).toMatchObject({ from: PEER_NUMBER, e164: PEER_NUMBER, displayName: 'Jürgen ../../x?y=1&phone=+1', account: `sip:alice@${bed.sip.domain}` });
    const posts = receiver.requests.filter((r) => r.method === 'POST');
    expect(posts.every((r) => r.headers['x-dialable-secret'] === SECRET)).toBe(true);
  });

  test('the receiver is down: records wait, the options say so, and they arrive in order once it is back', async () => {
    const before = receiver.records().length;
    await receiver.stop();
    await bed.popup.bringToFront();
    await dialFromPopup(bed, PEER_NUMBER);
    await dialFromPopup(bed, PEER_NUMBER);
    const options = await openFirefoxPage(bed.browser, 'popup/options/options.html');
    pages.push(options);
    await waitUntil(async () => (await options.$('[data-testid="call-log-status"][data-waiting="2"]')) !== null, 20_000, 'two records waiting');
    expect(await options.$eval('[data-testid="call-log-error"]', (el) => el.textContent)).toMatch(/could not be reached/);
    await receiver.start();
    await waitUntil(async () => receiver.records().length >= before + 2, 60_000, 'the two waiting records');
    const got = receiver.records().slice(before);
    expect(got.map((r) => r.result)).toEqual(['answered', 'answered']);
    expect(Date.parse(got[0]!.endedAt)).toBeLessThan(Date.parse(got[1]!.endedAt));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(receiver.records()).toHaveLength(before + 2);
  }, 120_000);

  test('an address the user did not allow (changed as a settings file would change it) gets nothing; nothing is lost', async () => {
    const before = receiver.records().length;
    const requests = receiver.requests.length;
    const options = await openFirefoxPage(bed.browser, 'popup/options/options.html');
    pages.push(options);
    await updateSettingsOn(options, { calling: { callLogUrl: `${receiver.origin.replace('127.0.0.1', 'localhost')}/log` } });
    await bed.popup.bringToFront();
    await dialFromPopup(bed, PEER_NUMBER);
    await waitUntil(async () => (await options.$('[data-testid="call-log-status"][data-waiting="1"]')) !== null, 20_000, 'the record waiting');
    await waitUntil(
      async () => /may not send to http:\/\/localhost:\d+/.test(await options.$eval('[data-testid="call-log-error"]', (el) => el.textContent ?? '')),
      10_000,
      'the sentence naming the origin',
    );
    await new Promise((r) => setTimeout(r, 3_000));
    expect(receiver.requests.length).toBe(requests);
    await updateSettingsOn(options, { calling: { callLogUrl: `${receiver.origin}/log` } });
    await waitUntil(async () => receiver.records().length >= before + 1, 30_000, 'the waiting record at the allowed address');
    expect(receiver.records().slice(before).map((r) => r.result)).toEqual(['answered']);
  }, 90_000);
});
