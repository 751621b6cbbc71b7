import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findFirefoxPage } from './support/firefox';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { expectCallerNotificationsClean, expectCallerShownClean, expectRingingTooltipClean, HOSTILE_CALLER, type ShownNotification as Shown } from './support/hostile-caller';
import { readStoredHistory } from './support/read-stored-history';
import { waitForText } from './support/wait-for-text';

/**
 * The Firefox side of attacks-callers.e2e.test.ts: the same hostile caller (500 characters of text and bidi
 * controls, at another domain) rings the engine in the phone window, which shows the caller in its own small view
 * besides the popup, the toolbar tooltip, the notifications (created by the event page) and the history.
 */
const { shown: SHOWN } = HOSTILE_CALLER;
const PHONE = 'background/phone-window/phone.html';
const EVENT_PAGE = '/_generated_background_page.html';

let bed: FirefoxBed;

/**
 * Records what the event page passes to `notifications.create` (headless Firefox closes notifications at once, and
 * the browser offers no way to read them back), reached from the phone window through `extension.getViews()`.
 */
async function recordNotifications(phone: Page): Promise<void> {
  await phone.evaluate((path) => {
    const page = chrome.extension.getViews().find((w) => w.location.pathname === path) as (Window & typeof globalThis & { shownNotifications?: Shown[] }) | undefined;
    if (!page) throw new Error('the event page is not running');
    if (page.shownNotifications) return;
    const shown: Shown[] = [];
    page.shownNotifications = shown;
    const create = page.chrome.notifications.create.bind(page.chrome.notifications);
    page.chrome.notifications.create = ((id: string, options: chrome.notifications.NotificationOptions) => {
      shown.push({ id, title: String(options.title), message: String(options.message) });
      return create(id, options as chrome.notifications.NotificationCreateOptions);
    }) as typeof page.chrome.notifications.create;
  }, EVENT_PAGE);
}

const shownNotifications = (phone: Page) =>
  phone.evaluate(
    (path) => (chrome.extension.getViews().find((w) => w.location.pathname === path) as { shownNotifications?: Shown[] } | undefined)?.shownNotifications ?? [],
    EVENT_PAGE,
  );

beforeAll(async () => {
  bed = await startFirefoxBed({ popup: true });
}, 60_000);

afterAll(async () => {
  await bed?.close();
});

describe('Firefox: a caller with a hostile name from another domain', () => {
  test('the phone window, popup, badge tooltip, notifications and history all show the name cleaned, cut to 64 and with the domain', async () => {
    const phone = await findFirefoxPage(bed.browser, PHONE);
    // The popup just asked the event page for the registration: it is awake.
    await recordNotifications(phone);
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`, { displayName: HOSTILE_CALLER.displayName, uri: HOSTILE_CALLER.uri });

    // The phone window's own view, and the popup, while it rings.
    expectCallerShownClean(await waitForText(phone, 'call-state', /Incoming/));
    expectCallerShownClean(await waitForText(bed.popup, 'call-state', /Incoming call/));

    // The toolbar icon's tooltip.
    await expectRingingTooltipClean(bed.popup);

    // The caller gives up: a missed call, with its notification (created by the event page) and history entry.
    await bed.peer.hangup();
    await calling.catch(() => undefined);
    await expectCallerNotificationsClean(() => shownNotifications(phone));

    // What the engine stored (the extension's IndexedDB) and what the popup lists.
    const stored = await readStoredHistory(phone);
    expect(stored[0]).toMatchObject({ number: 'mallory', displayName: SHOWN });
    expectCallerShownClean(await waitForText(bed.popup, 'history', /evil\.example/));
  });
});
