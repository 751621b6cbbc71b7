import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { crmUrl, cti, ctiReady, eventNames, postEverything, waitForEvent } from './support/cti-page';
import { saveCtiOrigins } from './support/cti-options';
import { waitForFirefoxConfirmDialer } from './support/confirm-dialer';
import { callPeer, expectBlindTransfer, expectDecline, expectMuteHeardAtPeer, expectRemoteHoldEvents } from './support/cti-proof';
import { newWindowPage, openFirefoxPage } from './support/firefox';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { startFixtureServer } from './support/fixture-server';
import { PEER_NUMBER } from './support/sip-bed';
import type { StaticServer } from './support/static-server';

/**
 * The CTI page API in Firefox (docs/cti.md), where the engine and the event stream live in the phone window: the
 * allowed origin is typed into the options page as a user does; a CRM fixture there places a call that the peer
 * answers, hears RINGING → CONNECTED → HANGUP, and answers an incoming call; a page on another port gets nothing.
 */
let bed: FirefoxBed;
let other: StaticServer;
const pages: Page[] = [];

beforeAll(async () => {
  bed = await startFirefoxBed({ popup: true });
  other = await startFixtureServer();
}, 90_000);

afterAll(async () => {
  for (const page of pages) await page.close().catch(() => undefined);
  await bed?.close();
  await other?.close();
});

async function open(url: string): Promise<Page> {
  const page = await newWindowPage(bed.browser);
  pages.push(page);
  await page.goto(url);
  return page;
}

describe('Firefox: the CTI page API', () => {
  test('the options page refuses a plain http origin with a sentence, then saves the allowed one', async () => {
    const first = await openFirefoxPage(bed.browser, 'popup/options/options.html');
    expect(await saveCtiOrigins(first, ['http://crm.example.com'])).toMatch(/must start with https:\/\//);
    await first.close();
    const second = await openFirefoxPage(bed.browser, 'popup/options/options.html');
    expect(await saveCtiOrigins(second, [new URL(bed.fixtures.url).origin])).toBe('Saved.');
    await second.close();
  });

  test('call → RINGING, CONNECTED at the peer; hangup → HANGUP; an incoming call → INCOMING, answer', async () => {
    const frame = (await open(crmUrl(bed.fixtures))).mainFrame();
    await ctiReady(frame);
    expect(await cti(frame, 'subscribe')).toMatchObject({ ok: true });
    const placed = await cti(frame, 'call', { number: PEER_NUMBER });
    expect(placed).toMatchObject({ ok: true });
    await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the call at the peer');
    expect((await waitForEvent(frame, 'CONNECTED')).call?.id).toBe(placed.callId);
    expect(await cti(frame, 'hangup')).toMatchObject({ ok: true });
    await bed.peer.waitFor((s) => s.callState === 'terminated', 10_000, 'the BYE at the peer');
    await waitForEvent(frame, 'HANGUP');
    expect(await eventNames(frame, placed.callId)).toEqual(['RINGING', 'CONNECTED', 'HANGUP']);

    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    const incoming = await waitForEvent(frame, 'INCOMING');
    expect(await cti(frame, 'answer', { callId: incoming.call?.id })).toMatchObject({ ok: true });
    expect(await calling).toMatchObject({ ok: true, status: 200 });
    expect((await waitForEvent(frame, 'CONNECTED', 2)).call?.id).toBe(incoming.call?.id);
    await bed.peer.hangup();
    await waitForEvent(frame, 'HANGUP', 2);
  });

  test('mute heard at the peer, REMOTE_HOLD when the peer holds, transfer → REFER at the peer, decline → 486/603', async () => {
    const frame = (await open(crmUrl(bed.fixtures))).mainFrame();
    await ctiReady(frame);
    expect(await cti(frame, 'subscribe')).toMatchObject({ ok: true });
    const callId = await callPeer(frame, bed.peer);
    await expectMuteHeardAtPeer(frame, bed.peer);
    await expectRemoteHoldEvents(frame, bed.peer, callId);
    await expectBlindTransfer(frame, bed.peer, callId, '+442079460959');
    expect(await eventNames(frame, callId)).toEqual(['RINGING', 'CONNECTED', 'REMOTE_HOLD', 'RESUMED', 'HANGUP']);
    await expectDecline(frame, bed.peer, bed.sip.domain);
  });

  test('a page on a not-allowed origin posts every command and gets no message at all', async () => {
    const { received, traces } = await postEverything((await open(crmUrl(other))).mainFrame());
    expect(received).toEqual([]);
    expect(traces).toEqual([]);
  });

  test('a premium-rate number: confirm-required, the confirm dialer asks, and no INVITE reaches Kamailio', async () => {
    const frame = (await open(crmUrl(bed.fixtures))).mainFrame();
    await ctiReady(frame);
    const before = bed.sip.inviteCalls('alice').length;
    const reply = await cti(frame, 'call', { number: '+19005550100' });
    expect(reply).toMatchObject({ ok: false, error: 'confirm-required', message: expect.stringMatching(/premium-rate/) });
    const dialer = await waitForFirefoxConfirmDialer(bed.browser, /premium-rate/);
    pages.push(dialer.page);
    expect(dialer.number.replace(/\s/g, '')).toBe('+19005550100');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(bed.sip.inviteCalls('alice').length).toBe(before);
  });

  test('a cross-origin frame on the allowed page gets nothing, and an allowed frame in a not-allowed page gets nothing', async () => {
    const before = bed.sip.inviteCalls('alice').length;
    const page = await open(crmUrl(bed.fixtures, crmUrl(other)));
    await ctiReady(page.mainFrame());
    const widget = (await (await page.waitForSelector('#widget'))!.contentFrame())!;
    await widget.waitForFunction(() => 'ctiSend' in window);
    expect((await postEverything(widget)).received).toEqual([]);

    const outer = await open(crmUrl(other, crmUrl(bed.fixtures)));
    const inner = (await (await outer.waitForSelector('#widget'))!.contentFrame())!;
    await inner.waitForFunction(() => 'ctiSend' in window);
    expect((await postEverything(inner)).received).toEqual([]);
    expect(bed.sip.inviteCalls('alice').length).toBe(before);
  });
});
