import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Target } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { CallLogRecord } from '../../src/crm/call-record';
import type { Kamailio } from './sip/kamailio';
import type { CallOutcome, Peer } from './sip/peer-page';
import { saveCrmForm } from './support/crm-options';
import { dialFromPopup } from './support/dial-from-popup';
import { CHROME_DIST, openExtensionPage, storedSettings, updateSettings } from './support/extension';
import { copyWithHostPermissions, type ExtensionCopy } from './support/extension-copy';
import { evaluateInServiceWorker } from './support/service-worker-eval';
import { endCalls, PEER_NUMBER, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';
import { waitUntil } from './support/wait-until';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

/**
 * Screen-pop, the call-log webhook and the history export (docs/crm.md) in Chromium against Kamailio and a real
 * peer, with a CRM stand-in on 127.0.0.1 (`support/webhook-receiver.ts`): it serves the screen-pop page and takes
 * the webhook's POSTs, and keeps every request it sees — so "nothing configured" is checked as "no request at all".
 *
 * Chromium's host-permission bubble cannot be answered from a test (it is not reachable over CDP): saving the form
 * does ask (the request stays open), so the browser runs a copy of the build installed with the permission for
 * 127.0.0.1 already granted — as if the user had said yes. `localhost` (the same receiver) stays not granted: the
 * extension could reach it (its content script matches every site), so only Dialable's own check keeps records
 * from it. Firefox (`firefox-crm.e2e`) answers its question by pref.
 */
let bed: SipBed;
let sip: Kamailio;
let browser: Browser;
let peer: Peer;
let popup: Page;
let receiver: WebhookReceiver;
let granted: Pick<ExtensionCopy, 'dir' | 'remove'>;
const tabs: Page[] = [];
const SECRET = 'correct horse battery staple';

const popTargets = (): Target[] => browser.targets().filter((t) => t.type() === 'page' && t.url().startsWith(`${receiver.origin}/pop`));
const records = (): CallLogRecord[] => receiver.records();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForRecords(count: number, timeout = 15_000): Promise<CallLogRecord[]> {
  await waitUntil(async () => records().length >= count, timeout, `${count} call records at the receiver (got ${records().length})`);
  return records();
}

/** The peer calls alice (optionally with a display name), and waits until the popup rings. */
async function ringAlice(displayName?: string): Promise<{ calling: Promise<CallOutcome> }> {
  const calling = peer.call(`sip:alice@${sip.domain}`, displayName ? { displayName } : undefined);
  await popup.bringToFront();
  await popup.waitForSelector('[data-testid="answer"]', { timeout: 10_000 });
  return { calling };
}

beforeAll(async () => {
  granted = copyWithHostPermissions(CHROME_DIST, ['http://127.0.0.1/*']);
  bed = await startSipBed({ extensionDir: granted.dir });
  ({ sip, browser, peer, popup } = bed);
  receiver = await startWebhookReceiver();
  await waitForTestId(popup, 'registration', /Registered/);
}, 60_000);

afterAll(async () => {
  await bed?.close();
  await receiver?.close();
  granted?.remove();
});

afterEach(async () => {
  for (const tab of tabs.splice(0)) await tab.close().catch(() => undefined);
  for (const target of popTargets()) await (await target.asPage())?.close().catch(() => undefined);
  await endCalls({ peer, popup });
  await peer.setMode('answer');
});

describe('nothing configured', () => {
  test('an answered call and a missed call: no request reaches the receiver, no tab opens', async () => {
    await dialFromPopup(bed, PEER_NUMBER);
    const { calling } = await ringAlice('Anna');
    await peer.hangup();
    await calling.catch(() => undefined);
    await waitForTestId(popup, 'history', /Missed/);
    await sleep(3_000);
    expect(receiver.requests).toEqual([]);
    expect(popTargets()).toEqual([]);
  });
});

describe('the options form', () => {
  test('refuses plain http to another host and placeholders in the host, with a sentence; saves https or loopback', async () => {
    const first = await openExtensionPage(browser, 'popup/options/options.html');
    tabs.push(first);
    expect(await saveCrmForm(first, { screenPopUrl: 'https://{name}.example.com/?p={e164}', callLogUrl: 'http://crm.example.com/log' })).toBe(
      '“https://{name}.example.com/?p={e164}”: placeholders may stand in the path or the query, not in the host name. | “http://crm.example.com/log” must start with https:// (http:// is only allowed for localhost and 127.0.0.1).',
    );
    expect((await storedSettings(browser)).calling).toMatchObject({ screenPopUrl: '', callLogUrl: '' });

    const second = await openExtensionPage(browser, 'popup/options/options.html');
    tabs.push(second);
    const template = `${receiver.origin}/pop?phone={e164}&name={name}&dir={direction}`;
    expect(await saveCrmForm(second, { screenPopUrl: template, callLogUrl: `${receiver.origin}/log`, callLogSecret: SECRET })).toBe('Saved.');
    const settings = await storedSettings(browser);
    expect(settings.calling).toMatchObject({ screenPopUrl: template, screenPopWhen: 'ring', callLogUrl: `${receiver.origin}/log` });
    // The secret is a credential: not in the settings, and not in a settings export.
    expect(JSON.stringify(settings)).not.toContain(SECRET);
    const exported = await second.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:export-account', payload: { includePassword: true } }));
    expect(JSON.stringify(exported)).not.toContain(SECRET);
    expect(await second.$eval('input[name="callLogSecret"]', (el) => (el as HTMLInputElement).value)).toBe('');
    expect(await second.$eval('input[name="callLogSecret"]', (el) => (el as HTMLInputElement).placeholder)).toMatch(/secret is saved/);
    // Saving the form sent nothing.
    expect(receiver.requests).toEqual([]);
  });
});

describe('call records and screen-pop', () => {
  test('an answered call of about 2 s dialled from a page: one record, with its duration, the page without its query, the secret', async () => {
    const page = await browser.newPage();
    tabs.push(page);
    await page.goto(`${bed.fixtures.url}/interactive/clicks.html?customer=4711&token=private#notes`);
    const link = await page.waitForSelector('#plain a[data-dialable]:not([data-dialable-part])', { timeout: 10_000 });
    await link!.click();
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'the call at the peer');
    await sleep(2_000);
    await peer.hangup();
    const [record] = await waitForRecords(1);
    expect(record).toMatchObject({
      direction: 'outgoing',
      from: `sip:alice@${sip.domain}`,
      to: PEER_NUMBER,
      e164: PEER_NUMBER,
      result: 'answered',
      pageUrl: `${bed.fixtures.url}/interactive/clicks.html`,
      account: `sip:alice@${sip.domain}`,
    });
    expect(record!.durationSeconds).toBeGreaterThanOrEqual(1);
    expect(record!.durationSeconds).toBeLessThanOrEqual(4);
    expect(Date.parse(record!.answeredAt!)).toBeGreaterThanOrEqual(Date.parse(record!.startedAt));
    expect(Date.parse(record!.endedAt)).toBeGreaterThan(Date.parse(record!.answeredAt!));
    const request = receiver.requests.find((r) => r.method === 'POST')!;
    expect(request.headers['x-dialable-secret']).toBe(SECRET);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.cookie).toBeUndefined();
    await sleep(2_000);
    expect(records()).toHaveLength(1);
  });

  test('a caller with a hostile name: the screen-pop opens on ring at the template, values encoded; missed and declined calls are logged', async () => {
    const before = records().length;
    // Quotes travel as SIP quoted-pairs (\"), which the display name keeps, backslash and all.
    const hostile = `\\"Robert'); DROP TABLE--\\" javascript:alert(1) ../../admin?x=1#y @evil.example ${'z'.repeat(10_240)}`;
    const { calling } = await ringAlice(hostile);
    await waitUntil(async () => popTargets().length === 1, 10_000, 'the screen-pop tab');
    const url = new URL(popTargets()[0]!.url());
    expect(url.origin).toBe(receiver.origin);
    expect(url.pathname).toBe('/pop');
    expect([...url.searchParams.keys()]).toEqual(['phone', 'name', 'dir']);
    expect(url.searchParams.get('phone')).toBe(PEER_NUMBER);
    expect(url.searchParams.get('dir')).toBe('incoming');
    expect(url.searchParams.get('name')).toMatch(/^\\"Robert'\); DROP TABLE--\\" javascript:alert\(1\) \.\.\/\.\.\/admin\?x=1#/);
    expect(url.searchParams.get('name')!.length).toBeLessThanOrEqual(256);
    expect(url.href.length).toBeLessThan(2_000);
    // At the far end: the CRM got exactly that GET, on its own path.
    const gets = () => receiver.requests.filter((r) => r.method === 'GET');
    await waitUntil(async () => gets().length > 0, 10_000, 'the screen-pop page request at the CRM');
    expect(gets().map((r) => r.path)).toEqual([`${url.pathname}${url.search}`]);
    await peer.hangup();
    await calling.catch(() => undefined);

    const { calling: declined } = await ringAlice('Declined Caller');
    // The screen-pop tab takes the front as the call rings: a click in a tab behind it would wait for a frame.
    await waitUntil(async () => popTargets().length === 2, 10_000, 'the second screen-pop tab');
    await popup.bringToFront();
    await popup.click('[data-testid="decline"]');
    expect(await declined).toMatchObject({ status: 603 });
    const got = (await waitForRecords(before + 2)).slice(before);
    expect(got.map((r) => [r.direction, r.result, r.durationSeconds])).toEqual([
      ['incoming', 'missed', 0],
      ['incoming', 'declined', 0],
    ]);
    expect(got[0]).toMatchObject({ from: PEER_NUMBER, to: `sip:alice@${sip.domain}`, e164: PEER_NUMBER });
    expect(got[0]!.answeredAt).toBeUndefined();
    expect(popTargets()).toHaveLength(2);
  });

  test('screen-pop on answer: nothing while it rings, the page once answered; the answered call is logged', async () => {
    await updateSettings(browser, { calling: { screenPopWhen: 'answer' } });
    for (const target of popTargets()) await (await target.asPage())?.close();
    const before = records().length;
    const { calling } = await ringAlice('Anna Müller');
    await sleep(1_500);
    expect(popTargets()).toEqual([]);
    await popup.click('[data-testid="answer"]');
    await calling;
    await waitUntil(async () => popTargets().length === 1, 10_000, 'the screen-pop tab after answering');
    expect(new URL(popTargets()[0]!.url()).searchParams.get('name')).toBe('Anna Müller');
    await sleep(1_000);
    await peer.hangup();
    const [record] = (await waitForRecords(before + 1)).slice(before);
    expect(record).toMatchObject({ direction: 'incoming', result: 'answered', displayName: 'Anna Müller' });
    expect(popTargets()).toHaveLength(1);
    await updateSettings(browser, { calling: { screenPopWhen: 'ring' } });
  });
});

describe('the receiver is down', () => {
  test('records wait (the options say so), survive a restart of the engine page, and arrive in order once it is back', async () => {
    const before = records().length;
    await receiver.stop();
    await dialFromPopup(bed, PEER_NUMBER);
    await dialFromPopup(bed, PEER_NUMBER);
    const options = await openExtensionPage(browser, 'popup/options/options.html');
    tabs.push(options);
    await options.waitForSelector('[data-testid="call-log-status"][data-waiting="2"]', { timeout: 15_000 });
    expect(await options.$eval('[data-testid="call-log-error"]', (el) => el.textContent)).toMatch(/could not be reached/);

    // The engine page (Chrome's offscreen document) goes away and comes back: the queue is read from storage.
    await evaluateInServiceWorker(browser, 'chrome.offscreen.closeDocument()');
    await options.reload();
    await options.waitForSelector('[data-testid="call-log-status"][data-waiting="2"]', { timeout: 15_000 });
    await waitForTestId(popup, 'registration', /Registered/, 20_000);

    await receiver.start();
    const got = (await waitForRecords(before + 2, 60_000)).slice(before);
    expect(got.map((r) => r.result)).toEqual(['answered', 'answered']);
    expect(Date.parse(got[0]!.endedAt)).toBeLessThan(Date.parse(got[1]!.endedAt));
    expect(new Set(got.map((r) => r.id)).size).toBe(2);
    await options.bringToFront();
    await options.waitForSelector('[data-testid="call-log-status"][data-waiting="0"]', { timeout: 10_000 });
    await sleep(2_000);
    expect(records().length).toBe(before + 2);
  }, 120_000);
});

describe('an origin the user did not allow', () => {
  test('no record goes there although the browser could reach it; the options say why; nothing is lost', async () => {
    const before = records().length;
    const requests = receiver.requests.length;
    const notAllowed = receiver.origin.replace('127.0.0.1', 'localhost');
    await updateSettings(browser, { calling: { callLogUrl: `${notAllowed}/log` } });
    await dialFromPopup(bed, PEER_NUMBER);
    const options = await openExtensionPage(browser, 'popup/options/options.html');
    tabs.push(options);
    await options.waitForSelector('[data-testid="call-log-status"][data-waiting="1"]', { timeout: 15_000 });
    await options.waitForFunction(() => /may not send to http:\/\/localhost:\d+/.test(document.querySelector('[data-testid="call-log-error"]')?.textContent ?? ''), {
      polling: 100,
      timeout: 10_000,
    });
    await sleep(3_000);
    expect(receiver.requests.length).toBe(requests);

    // Back to the allowed address: the waiting record goes there, once.
    await updateSettings(browser, { calling: { callLogUrl: `${receiver.origin}/log` } });
    const got = (await waitForRecords(before + 1, 30_000)).slice(before);
    expect(got.map((r) => r.result)).toEqual(['answered']);
    await sleep(1_000);
    expect(records().length).toBe(before + 1);
  }, 60_000);
});

describe('history export', () => {
  test('the popup downloads the history as CSV; a formula in a caller name is made text', async () => {
    const { calling } = await ringAlice("=cmd|' /C calc'!A0");
    await peer.hangup();
    await calling.catch(() => undefined);
    await waitForTestId(popup, 'history', /cmd\|/);
    const dir = mkdtempSync(join(tmpdir(), 'dialable-export-'));
    const cdp = await browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
    await popup.bringToFront();
    await popup.click('[data-testid="export-history"]');
    await waitUntil(async () => readdirSync(dir).some((f) => f.endsWith('.csv')), 10_000, 'the CSV download');
    const file = readdirSync(dir).find((f) => f.endsWith('.csv'))!;
    expect(file).toMatch(/^dialable-calls-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '');
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('Start,Direction,Number,Name,Duration (s),Result');
    expect(rows[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[^,]+Z,Missed,'\\${PEER_NUMBER},'=cmd\\|' /C calc'!A0,0,Missed$`));
    expect(rows.filter((row) => row !== '').length).toBeGreaterThanOrEqual(8);
    expect(csv.endsWith('\r\n')).toBe(true);
    await cdp.detach();
    rmSync(dir, { recursive: true, force: true });
  });
});
