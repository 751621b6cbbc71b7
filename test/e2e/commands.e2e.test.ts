import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlPage, EXTENSION_ORIGIN } from './support/extension';
import { evaluateInServiceWorker, pressShortcut } from './support/service-worker-eval';
import { selectText } from './support/select-text';
import { openClicksPage } from './support/open-clicks-page';
import { LONG_TABLE, rowLinked } from './support/long-table';
import { endCalls, PEER_NUMBER, PEER_SHOWN, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';

/**
 * Keyboard shortcuts in Chromium against Kamailio. Headless Chromium has no keyboard route to extension commands,
 * so each test fires the browser's own `commands.onCommand` event (with the active tab, as Chrome passes it) at the
 * listener the service worker registered.
 */
let bed: SipBed;
let page: Page;

/** What Chrome does when the keys are pressed: the command name and the active tab of the focused window. */
async function pressWithActiveTab(command: string): Promise<void> {
  await page.bringToFront();
  await evaluateInServiceWorker(
    bed.browser,
    `chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => chrome.commands.onCommand.dispatch(${JSON.stringify(command)}, tab))`,
  );
}

beforeAll(async () => {
  bed = await startSipBed();
  page = await openClicksPage(bed.browser, bed.fixtures);
});

afterAll(async () => {
  await bed?.close();
});

describe('keyboard shortcuts', () => {
  test('five shortcuts are registered with the browser (so users can change them in its shortcut settings); Do not disturb has no default key', async () => {
    const control = await controlPage(bed.browser);
    const commands = await control.evaluate(async () => (await chrome.commands.getAll()).map((c) => ({ name: c.name, shortcut: c.shortcut, description: c.description })));
    expect(commands).toEqual(
      expect.arrayContaining([
        { name: 'open-dialer', shortcut: 'Alt+Shift+D', description: 'Open the dialer' },
        { name: 'call-selection', shortcut: 'Alt+Shift+L', description: 'Call the selected phone number' },
        { name: 'hang-up', shortcut: 'Alt+Shift+H', description: 'Hang up the current call' },
        { name: 'answer', shortcut: 'Alt+Shift+Y', description: 'Answer the incoming call' },
        // Chrome takes at most four suggested keys: the user picks one in chrome://extensions/shortcuts.
        { name: 'toggle-dnd', shortcut: '', description: 'Switch Do not disturb on or off' },
      ]),
    );
  });

  test('"open the dialer" opens the popup', async () => {
    await page.bringToFront();
    await pressShortcut(bed.browser, 'open-dialer');
    const target = await bed.browser.waitForTarget((t) => t.url() === `${EXTENSION_ORIGIN}/popup/dialer/popup.html` && t.type() === 'page' && t !== bed.popup.target(), {
      timeout: 5_000,
    });
    const opened = (await target.asPage())!;
    expect(await waitForTestId(opened, 'registration', /Registered/)).toContain('alice@');
    await opened.close();
  });

  test('"call the selected text" calls the selected number; "hang up" ends the call', async () => {
    await selectText(page, '#editor', '+44 20 7946 0958');
    await pressWithActiveTab('call-selection');
    const answered = await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    expect(answered.lastInvite?.to).toContain(`sip:${PEER_NUMBER}@${bed.sip.domain}`);
    expect(await waitForTestId(bed.popup, 'call-state', /Connected/)).toContain(PEER_SHOWN);

    await pressShortcut(bed.browser, 'hang-up');
    await bed.peer.waitFor((s) => s.callState === 'terminated' && s.endedBy === 'remote', 5_000, 'the BYE from Dialable');
    expect(await waitForTestId(bed.popup, 'call-state', /Ended/)).toBeTruthy();
  });

  test('"call the selected text" with no number selected opens the dialer and says why', async () => {
    await selectText(page, 'h1', 'Contact');
    await pressWithActiveTab('call-selection');
    const dialer = await bed.browser.waitForTarget((t) => t.url().startsWith(`${EXTENSION_ORIGIN}/popup/dialer/popup.html?request=`), { timeout: 5_000 });
    const dialerPage = (await dialer.asPage())!;
    expect(await waitForTestId(dialerPage, 'message', /Select a phone number/)).toBeTruthy();
    await dialerPage.close();
  });

  test('"call the selected text" calls a number far below the fold that is not linked yet (a large page is linked as it is scrolled)', async () => {
    const long = await bed.browser.newPage();
    await long.goto(`${bed.fixtures.url}${LONG_TABLE}`);
    await long.waitForSelector('#row-0 a[data-dialable]', { timeout: 10_000 });
    expect(await rowLinked(long, 1900)).toBe(false);
    await selectText(long, '#row-1900', '+44 20 7946 0958');
    await evaluateInServiceWorker(
      bed.browser,
      `chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => chrome.commands.onCommand.dispatch('call-selection', tab))`,
    );
    const answered = await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    expect(answered.lastInvite?.to).toContain(`sip:${PEER_NUMBER}@${bed.sip.domain}`);
    expect(await rowLinked(long, 1900)).toBe(false);
    await endCalls(bed);
    await long.close();
  });

  test('"answer" answers an incoming call', async () => {
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    await bed.popup.bringToFront();
    await bed.popup.waitForSelector('[data-testid="answer"]', { timeout: 10_000 });
    await pressShortcut(bed.browser, 'answer');
    expect(await calling).toMatchObject({ ok: true, status: 200 });
    expect(await waitForTestId(bed.popup, 'call-state', /Connected/)).toBeTruthy();
    await pressShortcut(bed.browser, 'hang-up');
    await waitForTestId(bed.popup, 'call-state', /Ended/);
    await endCalls(bed);
  });
});
