import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlPage, EXTENSION_ORIGIN } from './support/extension';
import { clickContextMenu, evaluateInServiceWorker } from './support/service-worker-eval';
import { endCalls, inviteCount, PEER_NUMBER, PEER_SHOWN, startSipBed, waitForTestId, type SipBed } from './support/sip-bed';
import { selectText } from './support/select-text';
import { waitForConfirmDialer } from './support/confirm-dialer';
import { openClicksPage } from './support/open-clicks-page';
import { waitForLinksToSettle } from './support/settle';
import { LONG_TABLE, rowLinked } from './support/long-table';

/**
 * The context menu in Chromium against Kamailio. Native menus cannot be opened in headless Chromium, so the tests
 * fire the browser's own `contextMenus.onClicked` event (with the info Chrome gives a real click) at the listener
 * the service worker registered, and read what the selection item shows from `storage.session`, where the worker
 * keeps it next to `contextMenus.update`.
 */
let bed: SipBed;
let page: Page;

type Item = { visible: false } | { visible: true; e164: string; title: string };

async function selectionItem(): Promise<Item | undefined> {
  const control = await controlPage(bed.browser);
  return control.evaluate(async () => (await chrome.storage.session.get('menu:selection'))['menu:selection'] as Item | undefined);
}

const select = (selector: string, text: string) => selectText(page, selector, text);

async function waitForItem(predicate: (item: Item | undefined) => boolean, what: string): Promise<Item | undefined> {
  const start = Date.now();
  for (;;) {
    const item = await selectionItem();
    if (predicate(item)) return item;
    if (Date.now() - start > 5_000) throw new Error(`menu item never became ${what}: ${JSON.stringify(item)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  bed = await startSipBed();
  page = await openClicksPage(bed.browser, bed.fixtures);
});

afterAll(async () => {
  await bed?.close();
});

describe('context menu', () => {
  test('both items exist after install (updating a missing item would fail)', async () => {
    const result = await evaluateInServiceWorker<string>(
      bed.browser,
      `Promise.all(['call-selection', 'call-link'].map((id) => chrome.contextMenus.update(id, {}))).then(() => 'ok', (e) => String(e))`,
    );
    expect(result).toBe('ok');
  });

  test('"Call <number>" is shown only while the selection is a phone number, with the number in the title', async () => {
    // The compose box is never linked: its text is a plain selection.
    await select('#editor', '+44 20 7946 0958');
    expect(await waitForItem((i) => i?.visible === true, 'visible')).toEqual({ visible: true, e164: PEER_NUMBER, title: 'Call +44 20 7946 0958' });
    await select('#editor', 'Draft');
    await waitForItem((i) => i?.visible === false, 'hidden');
    await select('h1', 'Contact');
    await new Promise((r) => setTimeout(r, 400));
    expect(await selectionItem()).toEqual({ visible: false });
    // A selection over our link's pieces ("+44" in bold, then the rest) is a number too.
    await select('#ext', '+1 213-373-4253 ext. 204');
    expect(await waitForItem((i) => i?.visible === true, 'visible')).toMatchObject({ e164: '+12133734253', title: 'Call +1 213 373 4253 ext. 204' });
  });

  test('a page in a background tab cannot change what the menu shows', async () => {
    await select('h1', 'Contact');
    await waitForItem((i) => i?.visible === false, 'hidden');
    const other = await bed.browser.newPage();
    await other.goto(`${bed.fixtures.url}/interactive/clicks.html`);
    await page.bringToFront(); // `other` is now a background tab
    await other.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '+44 20 7946 0958';
      document.body.append(p);
      getSelection()!.selectAllChildren(p);
    });
    await new Promise((r) => setTimeout(r, 800));
    expect(await selectionItem()).toEqual({ visible: false });
    await other.close();
  });

  test('a click on "Call <number>" calls the selected number through the engine', async () => {
    await select('#editor', '+44 20 7946 0958');
    await waitForItem((i) => i?.visible === true && i.e164 === PEER_NUMBER, `showing ${PEER_NUMBER}`);
    await clickContextMenu(bed.browser, { menuItemId: 'call-selection', selectionText: '+44 20 7946 0958', pageUrl: page.url(), editable: true });
    const answered = await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    expect(answered.lastInvite?.to).toContain(`sip:${PEER_NUMBER}@${bed.sip.domain}`);
    expect(await waitForTestId(bed.popup, 'call-state', /Connected/)).toContain(PEER_SHOWN);
    await endCalls(bed);
  });

  test('when the selection changed after the menu was drawn, nothing is dialed: the dialer opens with the number to check', async () => {
    await select('#editor', '+44 20 7946 0958');
    await waitForItem((i) => i?.visible === true && i.e164 === PEER_NUMBER, `showing ${PEER_NUMBER}`);
    const before = await inviteCount(bed.peer);
    // What a page that swaps the selection during the right-click would produce: the browser's selectionText differs.
    await clickContextMenu(bed.browser, { menuItemId: 'call-selection', selectionText: '+1 213 373 4253', pageUrl: page.url(), editable: false });
    const dialer = await bed.browser.waitForTarget((t) => t.url().startsWith(`${EXTENSION_ORIGIN}/popup/dialer/popup.html?dial=%2B12133734253`), { timeout: 5_000 });
    const dialerPage = (await dialer.asPage())!;
    await dialerPage.waitForSelector('[data-testid="dial-input"]');
    expect(await dialerPage.$eval('[data-testid="dial-input"]', (el) => (el as HTMLInputElement).value)).toBe('+12133734253');
    expect(await waitForTestId(dialerPage, 'message', /Check the number/)).toBeTruthy();
    await new Promise((r) => setTimeout(r, 500));
    expect(await inviteCount(bed.peer)).toBe(before);
    await dialerPage.close();
  });

  test('"Call with Dialable" on our own link and on a page\'s tel: link takes the link-click path', async () => {
    const ours = await page.$eval('#plain a[data-dialable]', (a) => (a as HTMLAnchorElement).href);
    expect(ours).toBe(`tel:${PEER_NUMBER}`);
    await clickContextMenu(bed.browser, { menuItemId: 'call-link', linkUrl: ours, pageUrl: page.url(), editable: false });
    await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    expect(await waitForTestId(bed.popup, 'call-state', /Connected/)).toContain(PEER_SHOWN);
    await endCalls(bed);

    // The page's own tel: link to a number nobody has registered: the engine calls it and Kamailio says 404.
    await clickContextMenu(bed.browser, { menuItemId: 'call-link', linkUrl: 'tel:+442079460000', pageUrl: page.url(), editable: false });
    expect(await waitForTestId(bed.popup, 'call-state', /Failed.*\+44 20 7946 0000.*Not found/)).toBeTruthy();
  });

  test('"Call with Dialable" on a page\'s premium-rate or foreign tel: link waits in the confirm dialer, as a click does', async () => {
    const before = await inviteCount(bed.peer);
    const sent = bed.sip.inviteCalls('alice').length;
    await clickContextMenu(bed.browser, { menuItemId: 'call-link', linkUrl: 'tel:+19005550100', pageUrl: page.url(), frameId: 0, editable: false });
    const premium = await waitForConfirmDialer(bed.browser, /premium-rate/);
    expect(premium.number).toBe('+19005550100');
    await premium.page.close();

    await clickContextMenu(bed.browser, { menuItemId: 'call-link', linkUrl: 'tel:+12133734253', pageUrl: page.url(), frameId: 0, editable: false });
    const foreign = await waitForConfirmDialer(bed.browser, /a country you have not called before/);
    expect(foreign.number).toBe('+12133734253');
    await foreign.page.close();
    expect(bed.sip.inviteCalls('alice')).toHaveLength(sent);
    expect(await inviteCount(bed.peer)).toBe(before);
  });

  test('"Call with Dialable" on our link dials the number we recorded, even after the page rewrote its href', async () => {
    await page.bringToFront();
    await page.$eval('#plain a[data-dialable]', (a) => a.setAttribute('href', 'tel:+12133734253'));
    await page.click('#plain a[data-dialable]', { button: 'right' }); // a trusted contextmenu event on the link
    const info = { menuItemId: 'call-link', linkUrl: 'tel:+12133734253', frameId: 0, editable: false };
    await evaluateInServiceWorker(
      bed.browser,
      `chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => chrome.contextMenus.onClicked.dispatch({ ...${JSON.stringify(info)}, pageUrl: tab.url ?? '' }, tab))`,
    );
    const answered = await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    expect(answered.lastInvite?.to).toContain(`sip:${PEER_NUMBER}@${bed.sip.domain}`);
    expect(await waitForTestId(bed.popup, 'call-state', /Connected/)).toContain(PEER_SHOWN);
    await endCalls(bed);
    await page.reload();
    await waitForLinksToSettle(page, 300);
  });

  test('a page that selects a number by script changes at most the menu: no call', async () => {
    const before = await inviteCount(bed.peer);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'scripted';
      p.textContent = 'Premium: +44 20 7946 0958';
      document.body.append(p);
      getSelection()!.selectAllChildren(p);
      document.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await inviteCount(bed.peer)).toBe(before);
    expect(await waitForTestId(bed.popup, 'call-state', /Failed|Ended|Idle/)).toBeTruthy();
  });

  test('"Call <number>" calls a number far below the fold that is not linked yet (a large page is linked as it is scrolled)', async () => {
    const long = await bed.browser.newPage();
    await long.goto(`${bed.fixtures.url}${LONG_TABLE}`);
    await long.waitForSelector('#row-0 a[data-dialable]', { timeout: 10_000 });
    expect(await rowLinked(long, 1900)).toBe(false);
    await selectText(long, '#row-1900', '+44 20 7946 0958');
    await waitForItem((i) => i?.visible === true && i.e164 === PEER_NUMBER, `showing ${PEER_NUMBER}`);
    await clickContextMenu(bed.browser, { menuItemId: 'call-selection', selectionText: '+44 20 7946 0958', pageUrl: long.url(), editable: false });
    const answered = await bed.peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    expect(answered.lastInvite?.to).toContain(`sip:${PEER_NUMBER}@${bed.sip.domain}`);
    // Selecting does not scroll: the call never needed the link.
    expect(await rowLinked(long, 1900)).toBe(false);
    await endCalls(bed);
    await long.close();
  });
});
