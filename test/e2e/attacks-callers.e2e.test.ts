import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlPage, offscreenPage } from './support/extension';
import { evaluateInServiceWorker } from './support/service-worker-eval';
import { startSipBed, waitForTestId, type SipBed } from './support/sip-bed';
import { waitUntil } from './support/wait-until';

/**
 * A hostile caller (Chromium, Kamailio): the From header's display name is 500 characters of text and bidi
 * overrides/isolates, and the caller is at another domain (Kamailio asks no credentials of callers from outside,
 * as many servers do for inbound calls). Every place Dialable names the caller must show the same clean text.
 */
let bed: SipBed;

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
/** "Bank Support" as the user should read it, and a tail long enough to need cutting. */
const HOSTILE_NAME = `\u202EBank\u2066 Support\u2069\u202D${'A\u2067'.repeat(240)}\u202E`;
const SHOWN = `Bank Support${'A'.repeat(51)}… (evil.example)`;

interface Shown {
  id: string;
  title: string;
  message: string;
}

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

const shownNotifications = () => evaluateInServiceWorker<Shown[]>(bed.browser, 'globalThis.shownNotifications ?? []');

beforeAll(async () => {
  bed = await startSipBed();
});

afterAll(async () => {
  await bed?.close();
});

describe('a caller with a hostile name from another domain', () => {
  test('popup, badge tooltip, notifications and history all show the name cleaned, cut to 64 and with the domain', async () => {
    await recordNotifications();
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`, { displayName: HOSTILE_NAME, uri: 'sip:mallory@evil.example' });

    // The popup while it rings.
    const ringing = await waitForTestId(bed.popup, 'call-state', /Incoming call/);
    expect(ringing).toContain(SHOWN);
    expect(ringing).not.toMatch(BIDI);

    // The toolbar icon's tooltip.
    const control = await controlPage(bed.browser);
    let title = '';
    await waitUntil(async () => (title = await control.evaluate(() => chrome.action.getTitle({}))).includes('incoming call'), 10_000, 'the ringing tooltip');
    expect(title).toContain(`incoming call from ${SHOWN}`);
    expect(title).not.toMatch(BIDI);

    // The caller gives up: a missed call, with its notification and history entry.
    await bed.peer.hangup();
    await calling.catch(() => undefined);
    let notes: Shown[] = [];
    await waitUntil(async () => (notes = await shownNotifications()).some((n) => n.id.startsWith('missed:')), 10_000, 'the missed-call notification');
    const incoming = notes.find((n) => n.id.startsWith('incoming:'));
    const missed = notes.find((n) => n.id.startsWith('missed:'));
    expect(incoming?.message).toBe(`${SHOWN} (mallory)`);
    expect(missed?.message).toContain(`${SHOWN} (mallory)`);
    for (const n of notes) expect(`${n.title} ${n.message}`).not.toMatch(BIDI);

    // What the engine stored (the extension's IndexedDB) and what the popup lists.
    const engine = await offscreenPage(bed.browser);
    const stored = await engine.evaluate(
      () =>
        new Promise<Array<{ number: string; displayName?: string }>>((resolve, reject) => {
          const open = indexedDB.open('dialable-secrets');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('kv').objectStore('kv').get('history');
            get.onsuccess = () => {
              open.result.close();
              resolve(get.result);
            };
          };
        }),
    );
    expect(stored[0]).toMatchObject({ number: 'mallory', displayName: SHOWN });
    const history = await waitForTestId(bed.popup, 'history', /evil\.example/);
    expect(history).toContain(SHOWN);
    expect(history).not.toMatch(BIDI);
  });
});
