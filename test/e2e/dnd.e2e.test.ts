import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlPage, offscreenPage, openExtensionPage, storedSettings, updateSettings } from './support/extension';
import { evaluateInServiceWorker } from './support/service-worker-eval';
import { endCalls, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';
import { testIdText } from './support/wait-for-text';
import { waitUntil } from './support/wait-until';

/**
 * Do not disturb and auto-answer in Chromium against Kamailio, asserted at the calling peer: the status it got
 * (486/480 without anything ringing here), or a call that is up without anyone pressing Answer.
 */
let bed: SipBed;

type EngineGlobal = { dialableEngine: { tones: { beeps: number } } };

async function icon(): Promise<{ text: string; title: string }> {
  const control = await controlPage(bed.browser);
  return control.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));
}

const pressed = (page: Page) => page.$eval('[data-testid="dnd"]', (el) => el.getAttribute('aria-pressed'));

async function clickDnd(expected: 'true' | 'false'): Promise<void> {
  await bed.popup.bringToFront();
  await bed.popup.$eval('[data-testid="dnd"]', (button) => (button as HTMLButtonElement).click());
  await waitUntil(async () => (await pressed(bed.popup)) === expected, 5_000, `aria-pressed=${expected}`);
}

/** Records, in the popup, every call-state text shown from now on (to prove nothing rang). */
async function watchCallStates(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(globalThis, { seenCallStates: seen });
    new MutationObserver(() => seen.push(document.querySelector('[data-testid="call-state"]')?.textContent ?? '')).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return () => page.evaluate(() => (globalThis as unknown as { seenCallStates: string[] }).seenCallStates);
}

const notificationIds = async () => (await controlPage(bed.browser)).evaluate(async () => Object.keys(await chrome.notifications.getAll()));
const beeps = async () => (await offscreenPage(bed.browser)).evaluate(() => (globalThis as unknown as EngineGlobal).dialableEngine.tones.beeps);

beforeAll(async () => {
  bed = await startSipBed();
});

afterAll(async () => {
  await bed?.close();
});

describe('Do not disturb', () => {
  test('on: the caller hears 486 at once, nothing rings or notifies, the history says why, the badge shows it', async () => {
    expect(await pressed(bed.popup)).toBe('false');
    await clickDnd('true');
    await waitUntil(async () => (await icon()).text === 'DND', 5_000, 'the DND badge');
    expect((await icon()).title).toMatch(/do not disturb: incoming calls are turned away/);
    const states = await watchCallStates(bed.popup);

    const outcome = await bed.peer.call(`sip:alice@${bed.sip.domain}`);
    expect(outcome).toMatchObject({ ok: false, status: 486 });
    expect((await bed.peer.snapshot()).lastFailure?.status).toBe(486);
    expect(outcome.setupMs).toBeLessThan(3_000);
    await waitForTestId(bed.popup, 'history', /Rejected \(do not disturb\)/);
    expect((await states()).filter((s) => /Incoming/.test(s))).toEqual([]);
    expect((await notificationIds()).filter((id) => id.startsWith('incoming:') || id.startsWith('missed:'))).toEqual([]);
    // Remembered as the user's setting (IndexedDB), which outlives a browser restart.
    expect((await storedSettings(bed.browser)).calling).toMatchObject({ dnd: true });
  });

  test('with 480 chosen in the options, the caller hears 480', async () => {
    const options = await openExtensionPage(bed.browser, 'popup/options/options.html');
    await options.waitForSelector('select[name="dndResponse"]');
    await options.select('select[name="dndResponse"]', '480');
    await options.$eval('select[name="dndResponse"]', (el) => (el as HTMLSelectElement).form?.requestSubmit());
    await waitUntil(async () => (await storedSettings(bed.browser)).calling.dndResponse === 480, 5_000, 'dndResponse saved');
    await options.close();
    const outcome = await bed.peer.call(`sip:alice@${bed.sip.domain}`);
    expect(outcome).toMatchObject({ ok: false, status: 480 });
    await updateSettings(bed.browser, { calling: { dndResponse: 486 } });
  });

  test('off again: the call rings as before, and the badge drops DND', async () => {
    await clickDnd('false');
    await waitUntil(async () => (await icon()).text !== 'DND', 5_000, 'the badge without DND');
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    await waitForTestId(bed.popup, 'call-state', /Incoming call/);
    await bed.popup.$eval('[data-testid="decline"]', (button) => (button as HTMLButtonElement).click());
    expect(await calling).toMatchObject({ ok: false, status: 603 });
  });

  test('the shortcut switches it on and off (it has no default key: Chrome allows four)', async () => {
    const shortcut = () => evaluateInServiceWorker(bed.browser, `chrome.commands.onCommand.dispatch('toggle-dnd')`);
    await shortcut();
    await waitUntil(async () => (await pressed(bed.popup)) === 'true', 5_000, 'DND on by the shortcut');
    expect(await bed.peer.call(`sip:alice@${bed.sip.domain}`)).toMatchObject({ ok: false, status: 486 });
    await shortcut();
    await waitUntil(async () => (await pressed(bed.popup)) === 'false', 5_000, 'DND off by the shortcut');
  });
});

describe('auto-answer', () => {
  test('after N seconds the call is up at the peer without a click, with a short tone', async () => {
    await updateSettings(bed.browser, { calling: { autoAnswer: 2 } });
    const before = await beeps();
    const started = Date.now();
    const outcome = await bed.peer.call(`sip:alice@${bed.sip.domain}`);
    expect(outcome).toMatchObject({ ok: true, status: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    await bed.peer.waitFor((s) => s.callState === 'established', 5_000, 'the call up');
    await waitForTestId(bed.popup, 'call-state', /Connected/);
    await waitUntil(async () => (await beeps()) === before + 1, 5_000, 'the auto-answer tone');
    await endCalls(bed);
    await updateSettings(bed.browser, { calling: { autoAnswer: 0 } });
  });

  test('intercom: a caller from the own domain asking for it is answered at once', async () => {
    await updateSettings(bed.browser, { calling: { intercom: true } });
    const outcome = await bed.peer.call(`sip:alice@${bed.sip.domain}`, { extraHeaders: [`Call-Info: <sip:${bed.sip.domain}>;answer-after=0`] });
    expect(outcome).toMatchObject({ ok: true, status: 200 });
    expect(outcome.setupMs).toBeLessThan(2_000);
    await bed.peer.waitFor((s) => s.callState === 'established', 5_000, 'the call up');
    await endCalls(bed);
    // Alert-Info works the same way.
    const alert = await bed.peer.call(`sip:alice@${bed.sip.domain}`, { extraHeaders: ['Alert-Info: <http://www.notused.com>;info=alert-autoanswer'] });
    expect(alert).toMatchObject({ ok: true, status: 200 });
    await endCalls(bed);
  });

  test('intercom: the same headers from another domain ring as usual (a stranger cannot open the microphone)', async () => {
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`, {
      uri: 'sip:mallory@evil.example',
      extraHeaders: ['Call-Info: <sip:evil.example>;answer-after=0', 'Alert-Info: <http://www.notused.com>;info=alert-autoanswer'],
    });
    await waitForTestId(bed.popup, 'call-state', /Incoming call/);
    // Well past an intercom answer: still ringing, nobody answered.
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await bed.peer.snapshot()).callState).toBe('calling');
    expect(await testIdText(bed.popup, 'call-state')).toMatch(/Incoming call/);
    await bed.peer.hangup();
    expect(await calling).toMatchObject({ ok: false, status: 487 });
    await updateSettings(bed.browser, { calling: { intercom: false } });
  });
});
