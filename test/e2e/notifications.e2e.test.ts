import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlPage, EXTENSION_ORIGIN, offscreenPage } from './support/extension';
import { evaluateInServiceWorker } from './support/service-worker-eval';
import { endCalls, saveAccount, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';

/**
 * System notifications in Chromium against Kamailio. Clicks on a notification or its buttons are the browser's
 * `notifications.onClicked` / `onButtonClicked` events, fired here at the service worker's own listeners.
 */
let bed: SipBed;

async function notificationIds(): Promise<string[]> {
  const control = await controlPage(bed.browser);
  return control.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

async function waitForNotification(predicate: (ids: string[]) => boolean, what: string, timeoutMs = 10_000): Promise<string[]> {
  const start = Date.now();
  for (;;) {
    const ids = await notificationIds();
    if (predicate(ids)) return ids;
    if (Date.now() - start > timeoutMs) throw new Error(`notifications never showed ${what}: ${JSON.stringify(ids)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const incomingId = (ids: string[]) => ids.find((id) => id.startsWith('incoming:'));

function clickButton(id: string, button: number): Promise<void> {
  return evaluateInServiceWorker(bed.browser, `chrome.notifications.onButtonClicked.dispatch(${JSON.stringify(id)}, ${button})`);
}

async function setLostDelay(ms: number): Promise<void> {
  const engine = await offscreenPage(bed.browser);
  await engine.evaluate((delay) => {
    (globalThis as unknown as { dialableEngine: { registrationWatch: { delayMs: number } } }).dialableEngine.registrationWatch.delayMs = delay;
  }, ms);
}

beforeAll(async () => {
  bed = await startSipBed();
});

afterAll(async () => {
  await bed?.close();
});

describe('notifications', () => {
  test('an incoming call is answered from the notification\'s Answer button', async () => {
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    const id = incomingId(await waitForNotification((ids) => incomingId(ids) !== undefined, 'an incoming call'))!;
    await clickButton(id, 0);
    expect(await calling).toMatchObject({ ok: true, status: 200 });
    expect(await waitForTestId(bed.popup, 'call-state', /Connected/)).toBeTruthy();
    await waitForNotification((ids) => !ids.includes(id), 'the ringing notification gone');
    await endCalls(bed);
  });

  test('Decline turns the call down (603): no missed call', async () => {
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    const id = incomingId(await waitForNotification((ids) => incomingId(ids) !== undefined, 'an incoming call'))!;
    await clickButton(id, 1);
    expect(await calling).toMatchObject({ ok: false, status: 603 });
    await waitForNotification((ids) => !ids.includes(id), 'the ringing notification gone');
    expect((await notificationIds()).some((n) => n.startsWith('missed:'))).toBe(false);
    expect(await waitForTestId(bed.popup, 'history', /Declined/)).toBeTruthy();
  });

  test('a call the caller gives up on leaves a missed-call notification; clicking it opens the popup', async () => {
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    const ringing = incomingId(await waitForNotification((ids) => incomingId(ids) !== undefined, 'an incoming call'))!;
    await bed.peer.hangup();
    await calling.catch(() => undefined);
    const ids = await waitForNotification((all) => !all.includes(ringing) && all.some((n) => n.startsWith('missed:')), 'a missed call');
    const missed = ids.find((n) => n.startsWith('missed:'))!;
    const before = (await bed.browser.pages()).length;
    await evaluateInServiceWorker(bed.browser, `chrome.notifications.onClicked.dispatch(${JSON.stringify(missed)})`);
    await bed.browser.waitForTarget((t) => t.url().startsWith(`${EXTENSION_ORIGIN}/popup/dialer/popup.html`) && t.type() === 'page' && (before === 0 || t !== bed.popup.target()), {
      timeout: 5_000,
    });
    await waitForNotification((all) => !all.includes(missed), 'the missed-call notification gone');
  });

  test('registration lost for longer than the grace period (shortened here from a minute) is notified, and cleared when back', async () => {
    await setLostDelay(1_500);
    await bed.sip.stop();
    await waitForTestId(bed.popup, 'registration', /Reconnecting… /);
    expect((await notificationIds()).includes('registration-lost')).toBe(false);
    await waitForNotification((ids) => ids.includes('registration-lost'), 'registration lost', 8_000);
    await bed.sip.restart();
    await waitForTestId(bed.popup, 'registration', /Registered/, 20_000);
    await waitForNotification((ids) => !ids.includes('registration-lost'), 'the notification cleared');
    await bed.peer.register();
  });

  test('a reconnect shorter than the grace period stays silent', async () => {
    // Longer than the first retry can be away (backoff.ts: at most 8 s), plus Kamailio's restart.
    await setLostDelay(12_000);
    // The account saved again starts the backoff from its first window: the retries of the test before, less than a
    // minute ago, would otherwise leave the next one up to 29 s away (backoff.ts), longer than the grace above.
    expect((await saveAccount(bed.browser, bed.sip)).registered).toBe(true);
    const stopped = Date.now();
    await bed.sip.stop();
    await waitForTestId(bed.popup, 'registration', /Reconnecting… /);
    await bed.sip.restart();
    await waitForTestId(bed.popup, 'registration', /Registered/, 20_000);
    await new Promise((r) => setTimeout(r, Math.max(0, stopped + 13_000 - Date.now())));
    expect(await notificationIds()).not.toContain('registration-lost');
    await bed.peer.register();
  });
});
