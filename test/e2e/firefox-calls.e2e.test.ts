import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickNumber as clickNumberIn } from './support/click-number';
import { exerciseCallControls } from './support/call-controls';
import { expectAudioBothWays } from './support/expect-audio-both-ways';
import { expectSyntheticClicksIgnored } from './support/expect-synthetic-clicks-ignored';
import {
  clickContextMenuItem,
  closeContextMenu,
  FIREFOX_ORIGIN,
  findFirefoxPage,
  newWindowPage,
  openContextMenu,
  openFirefoxPage,
  waitUntil,
} from './support/firefox';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { saveAccountForm } from './support/save-account-form';
import { selectText } from './support/select-text';
import { waitForFirefoxConfirmDialer } from './support/confirm-dialer';
import { BED_USERS, endCalls, PEER_NUMBER, PEER_SHOWN } from './support/sip-bed';
import type { StaticServer } from './support/static-server';
import { testIdText as text, waitForText } from './support/wait-for-text';
import type { Kamailio } from './sip/kamailio';
import type { Peer } from './sip/peer-page';
import { typeNumber } from './support/type-number';

/**
 * The Firefox engine host end to end: Firefox ESR 153 over WebDriver BiDi, dist/firefox-test (the store build with
 * a CSP that allows ws:// on loopback), the same Kamailio and sip.js peer as the Chrome suite. The engine lives in
 * the phone window; the event page is suspended after 5 s idle here (Firefox's default is 30 s), so any state it
 * held would be lost during these tests. The microphone goes through Firefox's real permission check
 * (`media.navigator.permission.fake`) with a remembered Allow in the profile.
 */
const NUMBER = PEER_NUMBER;
/** How the popup shows NUMBER during a call. */
const SHOWN = PEER_SHOWN;
const USERS = BED_USERS;
const EVENT_PAGE_IDLE_MS = 5_000;
const POLL = { polling: 100 } as const;
const PHONE = 'background/phone-window/phone.html';
/** Kamailio grants registrations this long (s): the engine refreshes them every 27 s throughout this file. */
const REGISTRATION_S = 30;
/** How long the long-registration test watches refreshes and suspensions: two refresh periods and then some. */
const WATCH_MS = 60_000;
/** Tests that wait for the event page to be suspended (up to 4 idle periods) on a busy 2-core machine. */
const SUSPENSION_TEST_MS = 90_000;

let bed: FirefoxBed;
let sip: Kamailio;
let fixtures: StaticServer;
let browser: Browser;
let peer: Peer;
let popup: Page;

/** The page that hosts the engine: the phone window. */
const engineHost = () => findFirefoxPage(browser, PHONE);

/** Whether the event page is running: extension.getViews() from the phone window lists it only while it is awake. */
async function eventPageAwake(): Promise<boolean> {
  const phone = await findFirefoxPage(browser, PHONE);
  return phone.evaluate(() => chrome.extension.getViews().some((w) => w.location.pathname === '/_generated_background_page.html'));
}

async function windowState(): Promise<string | undefined> {
  const phone = await findFirefoxPage(browser, PHONE);
  return phone.evaluate(async () => (await chrome.windows.getCurrent()).state);
}

/** Open phone windows, as the extension itself counts them. */
async function phoneWindows(): Promise<number> {
  return popup.evaluate(async (url) => (await chrome.runtime.getContexts({ documentUrls: [url] })).length, `${FIREFOX_ORIGIN}/${PHONE}`);
}

async function openPopup(): Promise<Page> {
  const page = await openFirefoxPage(browser, 'popup/dialer/popup.html');
  await page.waitForSelector('[data-testid="registration"]');
  return page;
}

async function clickNumber(): Promise<Page> {
  return clickNumberIn(await newWindowPage(browser), fixtures);
}

beforeAll(async () => {
  // No account yet: the first test saves it.
  bed = await startFirefoxBed({ kamailio: { maxExpires: REGISTRATION_S }, eventPageIdleMs: EVENT_PAGE_IDLE_MS, register: false });
  ({ sip, fixtures, browser, peer } = bed);
}, 60_000);

afterAll(async () => {
  await bed?.close();
});

describe('Firefox SIP engine (phone window) against Kamailio', () => {
  test('saving the account registers; the phone window holds the engine, minimized', async () => {
    const options = await openFirefoxPage(browser, 'popup/options/options.html');
    await options.waitForSelector('#account [name="server"]');
    const saved = await saveAccountForm(options, { server: sip.wsUrl, username: 'alice', domain: sip.domain, password: USERS.alice });
    expect(saved).toContain(`Registered as alice@${sip.domain}`);
    await options.close();
    popup = await openPopup();
    expect(await waitForText(popup, 'registration', /Registered/)).toContain('alice@');
    expect(await text(popup, 'call-state')).toContain('Idle');
    expect(await windowState()).toBe('minimized');
    // The remembered Allow is what the welcome page reads (and what its button obtains for real users).
    const welcome = await findFirefoxPage(browser, 'popup/welcome/welcome.html');
    expect(await waitForText(welcome, 'microphone-state', /allowed/)).toContain('only during calls');
  });

  test('a trusted click calls the number with audio both ways; the call survives the tab and event-page suspension', async () => {
    const page = await clickNumber();
    // The click went through the event page, so it is awake now: the suspension check below means something.
    expect(await eventPageAwake()).toBe(true);
    const answered = await peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
    expect(answered.lastInvite?.to).toContain(`sip:${NUMBER}@${sip.domain}`);
    expect(await waitForText(popup, 'call-state', /Connected/)).toContain(SHOWN);
    await expectAudioBothWays(peer, engineHost);

    await page.goto(`${fixtures.url}/interactive/csp.html`);
    await page.close();
    await expectAudioBothWays(peer, engineHost);

    await waitUntil(async () => !(await eventPageAwake()), EVENT_PAGE_IDLE_MS * 4, 'the event page to be suspended');
    await expectAudioBothWays(peer, engineHost);
    await popup.close();
    popup = await openPopup();
    expect(await waitForText(popup, 'call-state', /Connected/)).toContain(SHOWN);
  }, SUSPENSION_TEST_MS);

  test('hang up from Dialable (the phone window minimizes itself again) and from the peer', async () => {
    await popup.click('[data-testid="hangup"]');
    await peer.waitFor((s) => s.callState === 'terminated' && s.endedBy === 'remote', 5_000, 'BYE from Dialable');
    await waitForText(popup, 'call-state', /Ended/);
    await waitUntil(async () => (await windowState()) === 'minimized', 5_000, 'the phone window to minimize after the call');

    await (await clickNumber()).close();
    await peer.waitFor((s) => s.callState === 'established', 15_000, 'answered again');
    await waitForText(popup, 'call-state', /Connected/);
    await expectAudioBothWays(peer, engineHost);
    await peer.hangup();
    expect(await waitForText(popup, 'call-state', /Ended/)).toMatch(/hung up/);
    await waitUntil(async () => (await windowState()) === 'minimized', 5_000, 'the phone window to minimize after the call');
  });

  test('a call from the popup dialer has audio both ways', async () => {
    await typeNumber(popup, '020 7946 0958');
    await popup.click('[data-testid="dial"]');
    const answered = await peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
    expect(answered.lastInvite?.to).toContain(`sip:${NUMBER}@${sip.domain}`);
    await waitForText(popup, 'call-state', /Connected/);
    await expectAudioBothWays(peer, engineHost);
    await popup.click('[data-testid="hangup"]');
    await waitForText(popup, 'call-state', /Ended/);
  });

  test('mute, hold/resume, DTMF and blind transfer from the popup reach the peer', async () => {
    await (await clickNumber()).close();
    await peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
    await waitForText(popup, 'call-state', /Connected/);
    await exerciseCallControls(popup, peer, sip.domain);
    await endCalls({ peer, popup });
  });

  test('the real context menu: "Call <number>" drawn on show for a selection that is a number, hidden otherwise; a click calls', async () => {
    const page = await newWindowPage(browser);
    await page.goto(`${fixtures.url}/interactive/clicks.html`);
    await page.waitForSelector('#plain a[data-dialable]', { timeout: 10_000 });
    const selection = async (selector: string, wanted: string) => {
      await selectText(page, selector, wanted);
      return page.evaluate(() => {
        const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
    };
    // A selection that is no number: the menu opens without our item (menus.onShown hid it).
    const hidden = await openContextMenu(browser, page, await selection('#editor', 'Draft'), (items) => items.get('call-selection')?.hidden !== false);
    expect(hidden.get('call-selection')?.hidden ?? true).toBe(true);
    await closeContextMenu(browser);

    const shown = await openContextMenu(browser, page, await selection('#editor', '+44 20 7946 0958'), (items) => items.get('call-selection')?.hidden === false);
    expect(shown.get('call-selection')?.label).toBe('Call +44 20 7946 0958');
    await clickContextMenuItem(browser, 'call-selection');
    const answered = await peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
    expect(answered.lastInvite?.to).toContain(`sip:${NUMBER}@${sip.domain}`);
    expect(await waitForText(popup, 'call-state', /Connected/)).toContain(SHOWN);
    await expectAudioBothWays(peer, engineHost);
    await endCalls({ peer, popup });

    // Right after a call the item must again follow the selection, not the last number.
    const again = await openContextMenu(browser, page, await selection('h1', 'Contact'), (items) => items.get('call-selection')?.hidden !== false);
    expect(again.get('call-selection')?.hidden ?? true).toBe(true);
    await closeContextMenu(browser);
    await page.close();
  });

  test('the real context menu on a tel: link: "Call with Dialable" calls with audio both ways', async () => {
    const page = await newWindowPage(browser);
    await page.goto(`${fixtures.url}/interactive/clicks.html`);
    const link = await page.waitForSelector('#plain a[data-dialable]:not([data-dialable-part])', { timeout: 10_000 });
    const box = (await link!.boundingBox())!;
    const items = await openContextMenu(browser, page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, (i) => i.get('call-link')?.hidden === false);
    expect(items.get('call-link')?.label).toBe('Call with Dialable');
    await clickContextMenuItem(browser, 'call-link');
    const answered = await peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
    expect(answered.lastInvite?.to).toContain(`sip:${NUMBER}@${sip.domain}`);
    await waitForText(popup, 'call-state', /Connected/);
    await expectAudioBothWays(peer, engineHost);
    await endCalls({ peer, popup });

    // The page's own tel: link to a number in another country: the menu takes a click's rules, the confirm dialer.
    const invites = sip.inviteCalls('alice').length;
    const own = (await (await page.$('#tel'))!.boundingBox())!;
    await openContextMenu(browser, page, { x: own.x + own.width / 2, y: own.y + own.height / 2 }, (i) => i.get('call-link')?.hidden === false);
    await clickContextMenuItem(browser, 'call-link');
    const dialer = await waitForFirefoxConfirmDialer(browser, /a country you have not called before/);
    expect(dialer.number).toBe('+12133734253');
    expect(sip.inviteCalls('alice')).toHaveLength(invites);
    await dialer.page.close();
    await page.close();
  });

  test('a synthetic click on a linked number places no call', async () => {
    const page = await newWindowPage(browser);
    await page.goto(`${fixtures.url}/interactive/clicks.html`);
    await page.waitForSelector('#plain a[data-dialable]', { timeout: 10_000 });
    await expectSyntheticClicksIgnored(page, '#plain a[data-dialable]', peer);
    await page.close();
  });

  test('with the popup closed and the event page suspended, an incoming call shows a notification and is answered', async () => {
    // Headless Firefox closes notifications as soon as they are shown (there is no notification daemon), so watch
    // them come and go from an extension page that sends no messages (the welcome page opened on install).
    const welcome = await findFirefoxPage(browser, 'popup/welcome/welcome.html');
    await welcome.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { notificationsSeen: seen });
      chrome.notifications.onClosed.addListener((id) => seen.push(id));
    });
    await popup.close();
    await waitUntil(async () => !(await eventPageAwake()), EVENT_PAGE_IDLE_MS * 4, 'the event page to be suspended');
    const calling = peer.call(`sip:alice@${sip.domain}`);
    const phone = await findFirefoxPage(browser, PHONE);
    await waitForText(phone, 'call-state', /Incoming/);
    await welcome.waitForFunction(() => (window as unknown as { notificationsSeen: string[] }).notificationsSeen.some((id) => id.startsWith('incoming:')), {
      timeout: 5_000,
      ...POLL,
    });
    popup = await openPopup();
    await popup.waitForSelector('[data-testid="answer"]', { timeout: 10_000 });
    await popup.click('[data-testid="answer"]');
    expect(await calling).toMatchObject({ ok: true, status: 200 });
    await waitForText(popup, 'call-state', /Connected/);
    await expectAudioBothWays(peer, engineHost);
    await popup.click('[data-testid="hangup"]');
    await waitForText(popup, 'call-state', /Ended/);
    expect(await text(popup, 'history')).toContain(NUMBER);
  }, SUSPENSION_TEST_MS);

  test('a wrong password gives one clear error and no retry storm', async () => {
    const options = await openFirefoxPage(browser, 'popup/options/options.html');
    await options.waitForSelector('#account [name="server"]');
    const before = sip.registerCount('alice');
    const saved = await saveAccountForm(options, { password: 'wrong-password' });
    expect(saved).toMatch(/rejected the username or password \(401\)/);
    const failedAt = sip.registerCount('alice');
    await new Promise((r) => setTimeout(r, 15_000));
    // No retry after a 401: once the sentence is shown, at most the old binding's late unregister (challenge + retry)
    // reaches Kamailio; a retry loop (backoff 1, 2, 4, 8 s) would add ≥ 6. In all: the old binding's removal and one
    // challenged attempt, give or take the event page pushing the account to the phone window a second time.
    expect(sip.registerCount('alice') - failedAt).toBeLessThanOrEqual(2);
    expect(sip.registerCount('alice') - before).toBeLessThanOrEqual(6);
    expect(await text(popup, 'registration')).toMatch(/401/);
    expect(await saveAccountForm(options, { password: USERS.alice })).toContain('Registered');
    await options.close();
  });

  test('closing the phone window ends the call (BYE), removes the binding at Kamailio and says so; the next call reconnects', async () => {
    await (await clickNumber()).close();
    await peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
    await waitForText(popup, 'call-state', /Connected/);
    expect(await sip.bindings('alice')).toBe(1);
    const unregisters = sip.unregisterCount('alice');
    await (await findFirefoxPage(browser, PHONE)).close();
    await peer.waitFor((s) => s.callState === 'terminated' && s.endedBy === 'remote', 5_000, 'BYE from the closing phone window');
    await waitUntil(async () => (await sip.bindings('alice')) === 0, 10_000, "alice's binding to leave Kamailio's location table");
    // Kamailio's log reaches us through a pipe, maybe after the location reply did.
    await waitUntil(async () => sip.unregisterCount('alice') > unregisters, 2_000, 'the REGISTER with expires=0 in the log');
    expect(sip.unregisterCount('alice'), 'one REGISTER with expires=0').toBe(unregisters + 1);
    const badge = () => popup.evaluate(() => chrome.action.getBadgeText({}));
    await waitUntil(async () => (await badge()) === 'OFF', 10_000, 'the OFF badge');
    expect(await popup.evaluate(() => chrome.action.getTitle({}))).toMatch(/phone window was closed\. Place a call or open Dialable's popup to connect again/);
    // The open popup says what happened and how to reconnect, and does not bring the window back behind the user's back.
    expect(await waitForText(popup, 'registration', /phone window was closed/)).toMatch(/to connect again/);
    expect(await text(popup, 'call-state')).toMatch(/Idle/);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await phoneWindows()).toBe(0);

    // The next call opens the phone window again, registers and connects, from that same popup.
    await typeNumber(popup, '020 7946 0958');
    await popup.click('[data-testid="dial"]');
    await peer.waitFor((s) => s.callState === 'established', 20_000, 'the peer answered the call that reconnected');
    await waitForText(popup, 'call-state', /Connected/);
    await expectAudioBothWays(peer, engineHost);
    expect(await text(popup, 'registration')).toContain('Registered');
    expect(await sip.bindings('alice')).toBe(1);
    expect(await badge()).not.toBe('OFF');
    await endCalls({ peer, popup });
    expect(await phoneWindows()).toBe(1);
  });

  test('a second phone window (e.g. restored by the session) closes itself; one registration stays', async () => {
    await popup.evaluate((url) => chrome.windows.create({ url, type: 'popup', state: 'minimized' }).then(() => undefined), `${FIREFOX_ORIGIN}/${PHONE}`);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await phoneWindows()).toBe(1);
    const calling = peer.call(`sip:alice@${sip.domain}`);
    await popup.waitForSelector('[data-testid="answer"]', { timeout: 10_000 });
    await popup.click('[data-testid="decline"]');
    expect(await calling).toMatchObject({ ok: false });
    await waitForText(popup, 'registration', /Registered/);
  });

  test('30 s registrations are refreshed (≥ 2 times in 60 s) while the event page is suspended again and again; a call still rings', async () => {
    await popup.close(); // no extension page talks to the event page now
    const start = Date.now();
    const saved0 = sip.savedCount('alice');
    const refreshedAt: number[] = [];
    let lowest = Infinity;
    let samples = 0;
    let unanswered = 0;
    // Kamailio's own location table, twice a second: a refresh that came late would show as 0 bindings. (A query
    // that fails is counted apart: on a loaded machine the HTTP query can, and that says nothing about alice.)
    const sampler = setInterval(() => {
      void sip.bindings('alice').then(
        (n) => {
          lowest = Math.min(lowest, n);
          samples++;
        },
        () => unanswered++,
      );
      if (sip.savedCount('alice') - saved0 > refreshedAt.length) refreshedAt.push(Math.round((Date.now() - start) / 1000));
    }, 500);
    let suspensions = 0;
    try {
      while (Date.now() - start < WATCH_MS) {
        // Wake the event page as browsing does (the content script asks it to match the page's numbers)…
        const page = await newWindowPage(browser);
        await page.goto(`${fixtures.url}/interactive/clicks.html`);
        await page.waitForSelector('#plain a[data-dialable]', { timeout: 10_000 });
        expect(await eventPageAwake(), 'the page scan woke the event page').toBe(true);
        await page.close();
        // …and let Firefox suspend it again.
        await waitUntil(async () => !(await eventPageAwake()), EVENT_PAGE_IDLE_MS * 4, 'the event page to be suspended');
        suspensions++;
      }
    } finally {
      clearInterval(sampler);
    }
    const seconds = Math.round((Date.now() - start) / 1000);
    console.log(`[firefox registration] ${seconds} s: ${refreshedAt.length} refreshes at ${refreshedAt.join(', ')} s; ${suspensions} suspensions; bindings ≥ ${lowest} in ${samples} samples (${unanswered} queries unanswered)`);
    expect(suspensions).toBeGreaterThanOrEqual(3);
    expect(refreshedAt.length).toBeGreaterThanOrEqual(2);
    expect(lowest, 'alice stayed in the location table throughout').toBe(1);
    expect(samples).toBeGreaterThan(WATCH_MS / 1_000);

    const calling = peer.call(`sip:alice@${sip.domain}`);
    const phone = await findFirefoxPage(browser, PHONE);
    await waitForText(phone, 'call-state', /Incoming/);
    await phone.$eval('[data-testid="decline"]', (el) => (el as HTMLButtonElement).click());
    expect(await calling).toMatchObject({ ok: false });
  }, WATCH_MS + 60_000);
});
