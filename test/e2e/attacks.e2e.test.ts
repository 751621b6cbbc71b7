import type { Browser, Page, Target } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { waitForConfirmDialer } from './support/confirm-dialer';
import type { Kamailio } from './sip/kamailio';
import type { Peer } from './sip/peer-page';
import { clickAdFrameLink, clickAtMiddle, floodClicks, openAttackPage } from './support/attack-page';
import { EXTENSION_ORIGIN, openExtensionPage, updateSettings } from './support/extension';
import { startFixtureServer } from './support/fixture-server';
import { endCalls, inviteCount, PEER_NUMBER, saveAccount, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';
import type { StaticServer } from './support/static-server';
import { waitUntil } from './support/wait-until';
import { evaluateInServiceWorker } from './support/service-worker-eval';
import { typeNumber } from './support/type-number';

/**
 * A hostile page against one-click calling, in Chromium against Kamailio. Every test asserts at the SIP side
 * (Kamailio's INVITE log, the peer's received INVITEs) that nothing was called behind the user's back, and where
 * the confirm dialer applies, that it names the reason and that pressing Call then calls.
 * Kamailio holds alice's REGISTERs 2 s (a registration takes ~2 s): the "two clicks" test needs one in progress.
 */
const POLL = { polling: 100 } as const;

let bed: SipBed;
let sip: Kamailio;
let fixtures: StaticServer;
let adServer: StaticServer;
let browser: Browser;
let peer: Peer;
let popup: Page;
const tabs: Page[] = [];

const calls = () => sip.inviteCalls('alice');
const isDialer = (t: Target) => t.url().startsWith(`${EXTENSION_ORIGIN}/popup/dialer/popup.html?dial=`);

beforeAll(async () => {
  bed = await startSipBed({ kamailio: { slowRegister: { user: 'alice', ms: 2_000 } } });
  ({ sip, fixtures, browser, peer, popup } = bed);
  adServer = await startFixtureServer();
  await waitForTestId(popup, 'registration', /Registered/);
}, 60_000);

afterAll(async () => {
  await bed?.close();
  await adServer?.close();
});

afterEach(async () => {
  for (const tab of tabs.splice(0)) await tab.close().catch(() => undefined);
  const dialers = browser.targets().filter((t) => isDialer(t) || t.url().startsWith(`${EXTENSION_ORIGIN}/popup/dialer/popup.html?request=`));
  for (const target of dialers) await (await target.asPage())?.close().catch(() => undefined);
  await endCalls({ peer, popup });
  // A failed "confirm every call" test must not leave the switch on for the others.
  await updateSettings(browser, { calling: { confirmPageCalls: false } });
});

/** A fresh tab (the rate limit is per tab) with the attack page, once our content script runs in it and its ad frame. */
async function attackPage(): Promise<Page> {
  const page = await browser.newPage();
  tabs.push(page);
  return openAttackPage(page, fixtures, `${adServer.url}/interactive/ad.html`);
}

/** A trusted mouse click (puppeteer's input goes through the browser) at the middle of the element's box. */
async function mouseClick(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  await clickAtMiddle(page, selector);
}

/** The confirm dialer the background opened: its number field, its reason, and the page to press Call on. */
const confirmDialer = (reason: RegExp) => waitForConfirmDialer(browser, reason);

/**
 * Proves a click did nothing at all: a later click on a visible premium-rate link in the same tab (processed after
 * it, and not rate-limited unless the first one was sent) opens the confirm dialer for *that* number.
 */
async function expectNothingHappened(page: Page, callsBefore: number): Promise<void> {
  await mouseClick(page, '#premium');
  expect((await confirmDialer(/premium-rate/)).number).toBe('+19005550100');
  expect(calls()).toHaveLength(callsBefore);
}

/** Presses Call in the confirm dialer. */
async function pressDial(page: Page): Promise<void> {
  await page.bringToFront();
  await page.click('[data-testid="dial"]');
}

describe('a click is the user\'s intent, or nothing happens', () => {
  test('an invisible link (opacity: 0) over a button: no call, no dialer', async () => {
    const before = calls().length;
    const page = await attackPage();
    await mouseClick(page, '#invisible');
    await expectNothingHappened(page, before);
  });

  test('a link covered by an overlay the clicks pass through (clickjacking): no call; the confirm dialer asks; Call then calls', async () => {
    const before = calls().length;
    const invites = await inviteCount(peer);
    const page = await attackPage();
    await mouseClick(page, '#covered');
    const dialer = await confirmDialer(/not sure you meant to call/);
    expect(dialer.number).toBe(PEER_NUMBER);
    expect(calls()).toHaveLength(before);
    await pressDial(dialer.page);
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'the confirmed call');
    expect((await inviteCount(peer)) - invites).toBe(1);
  });

  test('an empty transparent layer the clicks pass through hides nothing: the click calls', async () => {
    const invites = await inviteCount(peer);
    await mouseClick(await attackPage(), '#under-layer');
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'the call');
    expect((await inviteCount(peer)) - invites).toBe(1);
  });

  test('a link clipped away by its overflow-hidden box, reached with Tab and Enter: no call, no dialer', async () => {
    const before = calls().length;
    const page = await attackPage();
    await page.bringToFront();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('clipped');
    await page.keyboard.press('Enter');
    await expectNothingHappened(page, before);
  });

  test("Enter on a link the page focused with link.focus(): no call; the confirm dialer asks. Tab to it and Enter calls", async () => {
    const before = calls().length;
    const page = await attackPage();
    await page.bringToFront();
    await page.evaluate(() => document.getElementById('focused')!.focus());
    await page.keyboard.press('Enter');
    expect((await confirmDialer(/not sure you meant to call/)).number).toBe(PEER_NUMBER);
    expect(calls()).toHaveLength(before);

    const own = await attackPage();
    await own.bringToFront();
    while ((await own.evaluate(() => document.activeElement?.id)) !== 'focused') await own.keyboard.press('Tab');
    await own.keyboard.press('Enter');
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'the call from the keyboard');
    expect(calls()).toHaveLength(before + 1);
  });
});

describe('numbers and addresses a person would not dial by accident open the confirm dialer', () => {
  test('premium rate: the reason names it; nothing is sent until Call, then the INVITE goes to that number', async () => {
    const before = calls().length;
    const page = await attackPage();
    await mouseClick(page, '#premium');
    const dialer = await confirmDialer(/premium-rate/);
    expect(dialer.reason).toBe('This is a premium-rate number (+1 900 555 0100); calls to it may cost more.');
    expect(dialer.number).toBe('+19005550100');
    expect(calls()).toHaveLength(before);
    await pressDial(dialer.page);
    await waitForTestId(dialer.page, 'call-state', /Failed/);
    expect(calls().slice(before).map((c) => c.target)).toEqual([`+19005550100@${sip.domain}`]);
  });

  test('a number in a country not called before; a second request reuses the one dialer window', async () => {
    const before = calls().length;
    await mouseClick(await attackPage(), '#premium');
    await confirmDialer(/premium-rate/);
    await mouseClick(await attackPage(), '#foreign');
    const dialer = await confirmDialer(/Germany/);
    expect(dialer.reason).toMatch(/^This number \(\+49 30 12345678\) is in Germany, a country you have not called before/);
    expect(dialer.number).toBe('+493012345678');
    expect(browser.targets().filter(isDialer)).toHaveLength(1);
    expect(calls()).toHaveLength(before);
  });

  test('calling back a premium-rate number from the history waits for Call', async () => {
    await popup.bringToFront();
    // Earlier tests may have left a failed call on screen and this number in the history: count, don't just look.
    const entries = () => popup.$$eval('[data-testid="history-entry"][data-number="+19005550100"]', (els) => els.length);
    const recorded = await entries();
    const typed = calls().length;
    await typeNumber(popup, '+1 900 555 0100');
    await popup.click('[data-testid="dial"]');
    await waitUntil(async () => calls().length > typed, 10_000, "the typed call's INVITE in Kamailio's log");
    await waitUntil(async () => (await entries()) > recorded, 10_000, 'the typed call to end in the history');
    const before = calls().length;
    await popup.click('[data-testid="history-entry"][data-number="+19005550100"] [data-testid="history-redial"]');
    expect(await waitForTestId(popup, 'confirm-reason', /premium-rate/)).toBe('This is a premium-rate number (+1 900 555 0100); calls to it may cost more.');
    expect(await popup.$eval('[data-testid="dial-input"]', (el) => (el as HTMLInputElement).value)).toBe('+19005550100');
    expect(calls()).toHaveLength(before);
    await popup.click('[data-testid="dial"]');
    await waitUntil(async () => calls().length > before, 10_000, 'the INVITE of the confirmed call');
    expect(calls().slice(before).map((c) => c.target)).toEqual([`+19005550100@${sip.domain}`]);
  });

  test('sip: at another host: the reason names it; Call then sends the INVITE there', async () => {
    const before = calls().length;
    await mouseClick(await attackPage(), '#other-host');
    const dialer = await confirmDialer(/another server/);
    expect(dialer.reason).toMatch(/^This link points to another server: probe@other\.example\./);
    expect(calls()).toHaveLength(before);
    await pressDial(dialer.page);
    // The dialer may still show an earlier call's "Failed": wait for the INVITE in Kamailio's log instead.
    await waitUntil(async () => calls().length > before, 10_000, 'the INVITE to other.example');
    expect(calls().slice(before).map((c) => c.target)).toEqual(['probe@other.example']);
    await waitForTestId(dialer.page, 'call-state', /Failed/);
  });

  test('sip: at an IP address', async () => {
    const before = calls().length;
    await mouseClick(await attackPage(), '#ip-host');
    expect((await confirmDialer(/IP address/)).reason).toMatch(/probe@192\.0\.2\.7/);
    expect(calls()).toHaveLength(before);
  });

  test('a link in a cross-origin frame (an ad)', async () => {
    const before = calls().length;
    const page = await attackPage();
    await page.bringToFront();
    await clickAdFrameLink(page);
    const dialer = await confirmDialer(/frame from another site/);
    expect(dialer.reason).toContain(`(127.0.0.1:${adServer.port})`);
    expect(dialer.number).toBe(PEER_NUMBER);
    expect(calls()).toHaveLength(before);
  });

  test('"confirm every call from a page" (options switch): an ordinary number waits for Call too', async () => {
    const options = await openExtensionPage(browser, 'popup/options/options.html');
    tabs.push(options);
    await options.bringToFront();
    await options.waitForFunction(() => document.querySelector('input[name="confirmPageCalls"]:not([disabled])') !== null, POLL);
    const toggle = async () => {
      await options.bringToFront();
      await options.click('input[name="confirmPageCalls"]');
      await options.waitForFunction(() => document.querySelector('[data-testid="confirm-page-calls-status"]')?.textContent !== '', POLL);
    };
    await toggle();
    expect(await options.$eval('input[name="confirmPageCalls"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    const before = calls().length;
    await mouseClick(await attackPage(), '#plain');
    const dialer = await confirmDialer(/confirm every call/);
    expect(calls()).toHaveLength(before);
    await pressDial(dialer.page);
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'the confirmed call');
    await endCalls({ peer, popup });
    await options.reload();
    await options.bringToFront();
    await options.waitForFunction(() => document.querySelector('input[name="confirmPageCalls"]:not([disabled])') !== null, POLL);
    await toggle();
    expect(await options.$eval('input[name="confirmPageCalls"]', (el) => (el as HTMLInputElement).checked)).toBe(false);
  });
});

describe('the call-selection shortcut', () => {
  test("reads only the focused frame's selection: a frame's own selection of a premium number is not called", async () => {
    const before = calls().length;
    const page = await browser.newPage();
    tabs.push(page);
    await page.goto(`${fixtures.url}/interactive/attacks.html?frame=${encodeURIComponent(`${adServer.url}/interactive/select-frame.html`)}`);
    await page.waitForSelector('#reception a[data-dialable]', { timeout: 10_000 });
    const frame = (await (await page.$('#ad'))!.contentFrame())!;
    await frame.waitForFunction(() => document.querySelector('#premium-text a[data-dialable]') !== null && getSelection()?.toString().includes('900'), POLL);
    await mouseClick(page, '#name');
    await evaluateInServiceWorker(
      browser,
      `chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => chrome.commands.onCommand.dispatch('call-selection', tab))`,
    );
    const target = await browser.waitForTarget((t) => t.url().startsWith(`${EXTENSION_ORIGIN}/popup/dialer/popup.html?request=`), { timeout: 10_000 });
    expect(await waitForTestId((await target.asPage())!, 'message', /Select a phone number/)).toBeTruthy();
    expect(calls()).toHaveLength(before);
  });
});

describe('floods and races', () => {
  test('a flood of trusted clicks from one tab places one call (one per tab per 2 s)', async () => {
    const before = calls().length;
    const page = await attackPage();
    await floodClicks(page, mouseClick);
    await expectNothingHappened(page, before + 1);
    expect(calls().slice(before).map((c) => c.target)).toEqual([`+442079460000@${sip.domain}`]);
  });

  test('two clicks while the registration is still in progress place one INVITE', async () => {
    // Two windows side by side (each tab is visible, as for a user with two windows): one click in each.
    const first = await attackPage();
    const url = first.url();
    await first.evaluate((u) => void window.open(u, 'second', 'popup,width=700,height=500'), url);
    const second = (await (await browser.waitForTarget((t) => t.url() === url && t.opener() !== undefined, { timeout: 5_000 })).asPage())!;
    tabs.push(second);
    await second.waitForSelector('#reception a[data-dialable]', { timeout: 10_000 });
    const invites = await inviteCount(peer);
    const before = calls().length;
    const held = sip.heldRegisterCount('alice');
    // Re-register: Kamailio holds the REGISTER 2 s; both clicks land while it is held.
    void saveAccount(browser, sip);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => sip.heldRegisterCount('alice') > held && (clearInterval(timer), resolve()), 50);
    });
    await mouseClick(first, '#plain');
    await mouseClick(second, '#plain');
    await peer.waitFor((s) => s.callState === 'established', 15_000, 'the call');
    await waitForTestId(popup, 'call-state', /Connected/);
    expect(sip.heldRegisterCount('alice')).toBe(held + 1);
    expect((await inviteCount(peer)) - invites).toBe(1);
    expect(calls()).toHaveLength(before + 1);
  });
});
