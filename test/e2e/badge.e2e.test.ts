import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlPage, openExtensionPage } from './support/extension';
import { evaluateInServiceWorker } from './support/service-worker-eval';
import { endCalls, saveAccount, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';

/** The toolbar icon in Chromium against Kamailio: badge text, colour and tooltip for each state a user can meet. */
let bed: SipBed;

interface Icon {
  text: string;
  color: string;
  title: string;
}

async function icon(): Promise<Icon> {
  const control = await controlPage(bed.browser);
  return control.evaluate(async () => {
    const [text, color, title] = await Promise.all([chrome.action.getBadgeText({}), chrome.action.getBadgeBackgroundColor({}), chrome.action.getTitle({})]);
    const hex = `#${color
      .slice(0, 3)
      .map((c) => c.toString(16).padStart(2, '0'))
      .join('')}`;
    return { text, color: hex, title };
  });
}

type Expected = { text: string; color?: string; title: RegExp };

/** Waits for the whole icon (text, colour, tooltip are set one after another, so one read may see a mix). */
async function waitForIcon(expected: Expected, what: string, timeoutMs = 10_000): Promise<Icon> {
  const start = Date.now();
  const matches = (i: Icon) => i.text === expected.text && (!expected.color || i.color === expected.color) && expected.title.test(i.title);
  for (;;) {
    const now = await icon();
    if (matches(now)) return now;
    if (Date.now() - start > timeoutMs) throw new Error(`the icon never showed ${what}: ${JSON.stringify(now)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  bed = await startSipBed({ configure: false });
});

afterAll(async () => {
  await bed?.close();
});

describe('toolbar icon', () => {
  test('not configured → registered', async () => {
    await waitForIcon({ text: 'SET', color: '#6b7280', title: /^Dialable — no SIP account set up yet$/ }, 'not configured');
    expect(await saveAccount(bed.browser, bed.sip)).toMatchObject({ registered: true });
    await waitForIcon({ text: '', title: new RegExp(`^Dialable — Registered as alice@${bed.sip.domain}$`) }, 'registered');
  });

  test('ringing, then in call, then back to registered', async () => {
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    await waitForIcon({ text: 'RING', color: '#d97706', title: /incoming call from \+442079460958/ }, 'ringing');
    await bed.popup.bringToFront();
    await bed.popup.click('[data-testid="answer"]');
    expect(await calling).toMatchObject({ status: 200 });
    await waitForIcon({ text: 'CALL', color: '#16805c', title: /in a call with \+442079460958/ }, 'in call');
    await endCalls(bed);
    await waitForIcon({ text: '', title: /Registered/ }, 'registered');
  });

  test('a missed call shows the count until the popup is opened', async () => {
    await bed.popup.close();
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    await waitForIcon({ text: 'RING', title: /incoming call/ }, 'ringing');
    await bed.peer.hangup(); // the caller gives up: CANCEL
    await calling.catch(() => undefined);
    await waitForIcon({ text: '1', color: '#b00020', title: /Registered .* · 1 missed call$/ }, 'the missed count');

    // The engine starts over (as after a browser restart): the count is still there.
    // (evaluateInServiceWorker wakes the worker with a message that also recreates the engine.)
    expect(await evaluateInServiceWorker(bed.browser, 'chrome.offscreen.closeDocument().then(() => chrome.offscreen.hasDocument())')).toBe(false);
    expect(await evaluateInServiceWorker(bed.browser, 'chrome.offscreen.hasDocument()'), 'the engine runs again').toBe(true);
    await waitForIcon({ text: '1', color: '#b00020', title: /Registered .* · 1 missed call$/ }, 'the missed count after the engine restarted');

    bed.popup = await openExtensionPage(bed.browser, 'popup/dialer/popup.html');
    await waitForTestId(bed.popup, 'history', /\+442079460958/);
    await waitForIcon({ text: '', title: /^Dialable — Registered as [^·]*$/ }, 'no count once the popup was opened');
  });

  test('registration lost (reconnecting), back, then failed on a wrong password', async () => {
    await bed.sip.stop();
    await waitForIcon({ text: '!', color: '#d97706', title: /Reconnecting… The connection to .* was lost/ }, 'reconnecting');
    await bed.sip.restart();
    await waitForIcon({ text: '', title: /Registered/ }, 'registered again', 20_000);
    await bed.peer.register();

    expect(await saveAccount(bed.browser, bed.sip, 'wrong-password')).toMatchObject({ registered: false });
    await waitForIcon({ text: '!', color: '#b00020', title: /401/ }, 'failed');
    expect(await saveAccount(bed.browser, bed.sip)).toMatchObject({ registered: true });
  });
});
