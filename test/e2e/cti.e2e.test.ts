import type { Browser, Page, Target } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Kamailio } from './sip/kamailio';
import type { Peer } from './sip/peer-page';
import { isConfirmDialer, waitForConfirmDialer } from './support/confirm-dialer';
import { crmUrl, cti, ctiReady, eventNames, postEverything, waitForEvent } from './support/cti-page';
import { callPeer, expectBlindTransfer, expectDecline, expectMuteHeardAtPeer, expectRemoteHoldEvents } from './support/cti-proof';
import { waitUntil } from './support/wait-until';
import { openExtensionPage, storedSettings, updateSettings } from './support/extension';
import { saveCtiOrigins } from './support/cti-options';
import { startFixtureServer } from './support/fixture-server';
import { endCalls, PEER_NUMBER, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';
import type { StaticServer } from './support/static-server';

/**
 * The CTI page API (docs/cti.md) in Chromium against Kamailio and a real peer: a CRM fixture on an allowed origin
 * (the fixture server, http://127.0.0.1:port, a loopback origin) drives calls and hears their events; a page on
 * another port (another origin) and a cross-origin frame get nothing at all. Every call is checked at the far end
 * (the peer's call state and digits, Kamailio's INVITE log).
 */
let bed: SipBed;
let sip: Kamailio;
let browser: Browser;
let peer: Peer;
let popup: Page;
let crm: StaticServer;
let other: StaticServer;
const tabs: Page[] = [];

const invites = () => sip.inviteCalls('alice').length;

beforeAll(async () => {
  bed = await startSipBed();
  ({ sip, browser, peer, popup } = bed);
  crm = bed.fixtures;
  other = await startFixtureServer();
  await waitForTestId(popup, 'registration', /Registered/);
  await updateSettings(browser, { calling: { ctiOrigins: [new URL(crm.url).origin] } });
}, 60_000);

afterAll(async () => {
  await bed?.close();
  await other?.close();
});

afterEach(async () => {
  for (const tab of tabs.splice(0)) await tab.close().catch(() => undefined);
  for (const target of browser.targets().filter(isConfirmDialer)) await (await target.asPage())?.close().catch(() => undefined);
  await endCalls({ peer, popup });
  await peer.setMode('answer');
  await updateSettings(browser, { calling: { ctiOrigins: [new URL(crm.url).origin] } });
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  tabs.push(page);
  await page.goto(url);
  return page;
}

/** The CRM on the allowed origin, answering and subscribed. */
async function allowedCrm(): Promise<Page> {
  const page = await open(crmUrl(crm));
  await ctiReady(page.mainFrame());
  expect(await cti(page.mainFrame(), 'subscribe')).toMatchObject({ type: 'dialable:reply', ok: true });
  return page;
}

describe('an allowed web app drives calls', () => {
  test('call → RINGING, CONNECTED; hold/unhold; dtmf; status; hangup → HANGUP, all seen at the peer', async () => {
    const page = await allowedCrm();
    const frame = page.mainFrame();
    const before = invites();
    const placed = await cti(frame, 'call', { number: PEER_NUMBER });
    expect(placed).toMatchObject({ ok: true });
    const callId = placed.callId!;
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'the call at the peer');
    expect(invites() - before).toBe(1);
    const connected = await waitForEvent(frame, 'CONNECTED');
    expect(connected.call).toMatchObject({ id: callId, direction: 'outgoing', number: PEER_NUMBER, state: 'connected' });
    expect(connected.call?.answeredAt).toBeGreaterThanOrEqual(connected.call?.startedAt ?? Infinity);

    expect(await cti(frame, 'dtmf', { digits: '12#' })).toMatchObject({ ok: true });
    await peer.waitFor((s) => s.dtmfRtpDigits === '12#', 10_000, 'the digits at the peer');

    expect(await cti(frame, 'hold')).toMatchObject({ ok: true });
    await peer.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'held at the peer');
    await waitForEvent(frame, 'ON_HOLD');
    expect(await cti(frame, 'unhold')).toMatchObject({ ok: true });
    await peer.waitFor((s) => s.remoteDirection === 'sendrecv', 10_000, 'resumed at the peer');
    await waitForEvent(frame, 'RESUMED');

    const status = await cti(frame, 'status');
    expect(status).toMatchObject({ ok: true, status: { registered: true, calls: [{ id: callId, state: 'connected', number: PEER_NUMBER }] } });

    expect(await cti(frame, 'hangup')).toMatchObject({ ok: true });
    await peer.waitFor((s) => s.callState === 'terminated', 10_000, 'the BYE at the peer');
    const ended = await waitForEvent(frame, 'HANGUP');
    expect(ended.call).toMatchObject({ id: callId, state: 'ended' });
    expect(await eventNames(frame, callId)).toEqual(['RINGING', 'CONNECTED', 'ON_HOLD', 'RESUMED', 'HANGUP']);
    expect(await cti(frame, 'hangup')).toMatchObject({ ok: false, error: 'no-call', message: expect.stringMatching(/no call/i) });
  });

  test('an incoming call → INCOMING; answer connects it at the peer', async () => {
    const frame = (await allowedCrm()).mainFrame();
    const calling = peer.call(`sip:alice@${sip.domain}`);
    const incoming = await waitForEvent(frame, 'INCOMING');
    expect(incoming.call).toMatchObject({ direction: 'incoming', state: 'incoming' });
    expect(await cti(frame, 'answer')).toMatchObject({ ok: true });
    expect(await calling).toMatchObject({ ok: true, status: 200 });
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'answered at the peer');
    expect((await waitForEvent(frame, 'CONNECTED')).call?.id).toBe(incoming.call?.id);
    await peer.hangup();
    expect((await waitForEvent(frame, 'HANGUP')).call?.id).toBe(incoming.call?.id);
  });

  test('a premium-rate number: confirm-required, the confirm dialer asks, and no INVITE reaches Kamailio', async () => {
    const frame = (await allowedCrm()).mainFrame();
    const before = invites();
    const reply = await cti(frame, 'call', { number: '+19005550100' });
    expect(reply).toMatchObject({ ok: false, error: 'confirm-required', message: expect.stringMatching(/premium-rate/) });
    expect((await waitForConfirmDialer(browser, /premium-rate/)).number).toBe('+19005550100');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(invites()).toBe(before);
    expect(await eventNames(frame)).not.toContain('RINGING');
  });

  test('malformed commands get invalid-command; a second call right away is rate-limited', async () => {
    const frame = (await allowedCrm()).mainFrame();
    expect(await cti(frame, 'reboot')).toMatchObject({ ok: false, error: 'invalid-command' });
    expect(await cti(frame, 'dtmf', { digits: '<b>' })).toMatchObject({ ok: false, error: 'invalid-command' });
    expect(await cti(frame, 'call', { number: 'not a number' })).toMatchObject({ ok: false, error: 'invalid-number' });
    const before = invites();
    expect(await cti(frame, 'call', { number: PEER_NUMBER })).toMatchObject({ ok: true });
    expect(await cti(frame, 'call', { number: '+442079460959' })).toMatchObject({ ok: false, error: 'rate-limited' });
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'the first call');
    expect(invites() - before).toBe(1);
  });
});

describe('every call control, checked at the peer', () => {
  test('mute silences us at the peer, unmute brings us back; the peer holds → REMOTE_HOLD; transfer → REFER at the peer', async () => {
    const frame = (await allowedCrm()).mainFrame();
    const callId = await callPeer(frame, peer);
    await expectMuteHeardAtPeer(frame, peer);
    await expectRemoteHoldEvents(frame, peer, callId);
    await expectBlindTransfer(frame, peer, callId, '+442079460959');
    expect(await eventNames(frame, callId)).toEqual(['RINGING', 'CONNECTED', 'REMOTE_HOLD', 'RESUMED', 'HANGUP']);
  });

  test('decline of an incoming call: the peer gets 486/603, the page hears INCOMING → CANCEL', async () => {
    await expectDecline((await allowedCrm()).mainFrame(), peer, sip.domain);
  });
});

describe('the demo CRM (npm start serves it on an allowed origin)', () => {
  test('its Call button places a real call and its log shows the events', async () => {
    const page = await open(`${crm.url}/interactive/demo-crm.html`);
    await page.waitForFunction(() => /registered/.test(document.getElementById('status')?.textContent ?? ''), { polling: 200, timeout: 15_000 });
    const before = invites();
    await page.click('button[data-call="+44 20 7946 0958"]');
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'the call at the peer');
    expect(invites() - before).toBe(1);
    const log = () => page.$eval('#log', (el) => el.textContent ?? '');
    await waitUntil(async () => /CONNECTED outgoing \+442079460958/.test(await log()), 10_000, 'CONNECTED in the demo log');
    await page.click('#controls [data-command="hangup"]');
    await peer.waitFor((s) => s.callState === 'terminated', 10_000, 'the BYE at the peer');
    await waitUntil(async () => /HANGUP outgoing/.test(await log()), 10_000, 'HANGUP in the demo log');
    expect(await log()).toMatch(/RINGING[^]*CONNECTED[^]*HANGUP/);
  });
});

describe('the options page', () => {
  test('names every refused line with its reason and saves nothing; a valid list saves', async () => {
    const first = await openExtensionPage(browser, 'popup/options/options.html');
    tabs.push(first);
    const refused = await saveCtiOrigins(first, ['https://crm.example.com', 'http://crm.example.com', 'crm.example.com/app']);
    expect(refused).toBe('“http://crm.example.com” must start with https:// (http:// is only allowed for localhost and 127.0.0.1). | “crm.example.com/app” is not an origin: write it as https://host or https://host:port, without a path.');
    expect((await storedSettings(browser)).calling.ctiOrigins).toEqual([new URL(crm.url).origin]);
    const second = await openExtensionPage(browser, 'popup/options/options.html');
    tabs.push(second);
    expect(await saveCtiOrigins(second, [new URL(crm.url).origin, 'https://CRM.example.com:443/'])).toBe('Saved.');
    expect((await storedSettings(browser)).calling.ctiOrigins).toEqual([new URL(crm.url).origin, 'https://crm.example.com']);
  });
});

describe('the typed client (dist/cti/dialable-cti.js)', () => {
  test('connects and reads the status on the allowed origin; elsewhere it says unavailable', async () => {
    const result = async (server: StaticServer) => {
      const page = await open(`${server.url}/interactive/cti-client.html`);
      await page.waitForFunction(() => 'clientResult' in window);
      return page.evaluate(() => (window as unknown as { clientResult: Promise<unknown> }).clientResult);
    };
    expect(await result(crm)).toEqual({ ok: true, registered: true });
    expect(await result(other)).toEqual({ ok: false, code: 'unavailable' });
  });
});

describe('anywhere else, Dialable does not exist', () => {
  test('a page on a not-allowed origin (another port) posts every command and gets no message; no call; no trace', async () => {
    const before = invites();
    const page = await open(crmUrl(other));
    const { received, traces } = await postEverything(page.mainFrame());
    expect(received).toEqual([]);
    expect(traces).toEqual([]);
    expect(invites()).toBe(before);
    expect(browser.targets().some((t: Target) => isConfirmDialer(t))).toBe(false);
  });

  test('a cross-origin frame on an allowed page gets nothing, until its own origin is allowed too', async () => {
    const page = await open(crmUrl(crm, crmUrl(other)));
    await ctiReady(page.mainFrame());
    const widget = (await (await page.waitForSelector('#widget'))!.contentFrame())!;
    await widget.waitForFunction(() => 'ctiSend' in window);
    const before = invites();
    const { received } = await postEverything(widget);
    expect(received).toEqual([]);
    expect(invites()).toBe(before);

    await updateSettings(browser, { calling: { ctiOrigins: [new URL(crm.url).origin, new URL(other.url).origin] } });
    await page.reload();
    const reloaded = (await (await page.waitForSelector('#widget'))!.contentFrame())!;
    await ctiReady(reloaded);
    expect(await cti(reloaded, 'status')).toMatchObject({ ok: true, status: { registered: true } });
  });

  test('an allowed frame in a page on a not-allowed origin gets nothing', async () => {
    const page = await open(crmUrl(other, crmUrl(crm)));
    const widget = (await (await page.waitForSelector('#widget'))!.contentFrame())!;
    await widget.waitForFunction(() => 'ctiSend' in window);
    const { received } = await postEverything(widget);
    expect(received).toEqual([]);
  });
});
