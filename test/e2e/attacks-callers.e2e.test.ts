import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlPage, offscreenPage } from './support/extension';
import { evaluateInServiceWorker } from './support/service-worker-eval';
import { expectCallerNotificationsClean, expectCallerShownClean, expectRingingTooltipClean, HOSTILE_CALLER, type ShownNotification } from './support/hostile-caller';
import { readStoredHistory } from './support/read-stored-history';
import { startSipBed, waitForTestId, type SipBed } from './support/sip-bed';

/**
 * A hostile caller (Chromium, Kamailio): the From header's display name is 500 characters of text and bidi
 * overrides/isolates, and the caller is at another domain (Kamailio asks no credentials of callers from outside,
 * as many servers do for inbound calls). Every place Dialable names the caller must show the same clean text.
 */
let bed: SipBed;

const { shown: SHOWN } = HOSTILE_CALLER;

/** Records what the service worker passes to `chrome.notifications.create` (the browser offers no way to read it back). */
async function recordNotifications(): Promise<void> {
  await evaluateInServiceWorker(
    bed.browser,
    `(() => {
      if (globalThis.shownNotifications) return;
      globalThis.shownNotifications = [];
      const create = chrome.notifications.create.bind(chrome.notifications);
      chrome.notifications.create = (id, options, ...rest) => {
        globalThis.shownNotifications.push({ id, title: options.title, message: options.message });
        return create(id, options, ...rest);
      };
    })()`,
  );
}

const shownNotifications = () => evaluateInServiceWorker<ShownNotification[]>(bed.browser, 'globalThis.shownNotifications ?? []');

beforeAll(async () => {
  bed = await startSipBed();
});

afterAll(async () => {
  await bed?.close();
});

describe('a caller with a hostile name from another domain', () => {
  test('popup, badge tooltip, notifications and history all show the name cleaned, cut to 64 and with the domain', async () => {
    await recordNotifications();
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`, { displayName: HOSTILE_CALLER.displayName, uri: HOSTILE_CALLER.uri });

    // The popup while it rings.
    expectCallerShownClean(await waitForTestId(bed.popup, 'call-state', /Incoming call/));

    // The toolbar icon's tooltip.
    await expectRingingTooltipClean(await controlPage(bed.browser));

    // The caller gives up: a missed call, with its notification and history entry.
    await bed.peer.hangup();
    await calling.catch(() => undefined);
    await expectCallerNotificationsClean(shownNotifications);

    // What the engine stored (the extension's IndexedDB) and what the popup lists.
    const engine = await offscreenPage(bed.browser);
    const stored = await readStoredHistory(engine);
    expect(stored[0]).toMatchObject({ number: 'mallory', displayName: SHOWN });
    expectCallerShownClean(await waitForTestId(bed.popup, 'history', /evil\.example/));
  });
});
