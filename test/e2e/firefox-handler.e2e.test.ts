import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { waitForFirefoxConfirmDialer } from './support/confirm-dialer';
import { updateSettingsOn } from './support/extension';
import { evaluateInBrowserChrome, FIREFOX_ORIGIN, newWindowPage, openFirefoxPage } from './support/firefox';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { PEER_NUMBER } from './support/sip-bed';
import { waitUntil } from './support/wait-until';

/**
 * Firefox's protocol handlers (manifest `protocol_handlers`): `tel:`, `sip:` and `web+dialable:` links that reach
 * the browser — here on a host where content scripts do not run (`extensions.webextensions.restrictedDomains`, as on
 * addons.mozilla.org), so Dialable's click handler cannot take them first — open Dialable's handler page, which dials
 * through the page-call confirm rules. Firefox first asks whether the site may open such links with Dialable; the
 * test answers as a user does. Checked at the far end: Kamailio's INVITE log and the peer.
 */
const RESTRICTED = 'localhost';
const TEMPLATE = `${FIREFOX_ORIGIN}/popup/handler/handler.html?uri=%s`;
let bed: FirefoxBed;
const pages: Page[] = [];
const invites = () => bed.sip.inviteCalls('alice').length;

/** Firefox's record for a scheme: the handlers it offers, and what it does with a link. */
interface SchemeInfo {
  apps: { name: string; template: string }[];
  alwaysAsk: boolean;
  preferred: string | null;
}

/**
 * Reads (and with `choose`, makes Dialable the choice for) a scheme's handlers in Firefox's handler service: the
 * choice is what a user's pick of Dialable with "Always use" in Firefox's "Open link with" dialog stores.
 */
async function schemeInfo(scheme: string, choose = false): Promise<SchemeInfo> {
  const [info] = await evaluateInBrowserChrome<SchemeInfo>(
    bed.browser,
    `(() => {
      const info = Cc['@mozilla.org/uriloader/external-protocol-service;1'].getService(Ci.nsIExternalProtocolService).getProtocolHandlerInfo(${JSON.stringify(scheme)});
      const apps = [];
      for (let i = 0; i < info.possibleApplicationHandlers.length; i++) {
        const app = info.possibleApplicationHandlers.queryElementAt(i, Ci.nsIHandlerApp);
        apps.push({ app, name: app.name, template: app instanceof Ci.nsIWebHandlerApp ? app.uriTemplate : '' });
      }
      if (${String(choose)}) {
        const ours = apps.find((a) => a.template === ${JSON.stringify(TEMPLATE)});
        if (ours) {
          info.preferredApplicationHandler = ours.app;
          info.preferredAction = Ci.nsIHandlerInfo.useHelperApp;
          info.alwaysAskBeforeHandling = false;
          Cc['@mozilla.org/uriloader/handler-service;1'].getService(Ci.nsIHandlerService).store(info);
        }
      }
      return JSON.stringify({ apps: apps.map(({ name, template }) => ({ name, template })), alwaysAsk: info.alwaysAskBeforeHandling, preferred: info.preferredApplicationHandler?.name ?? null });
    })()`,
  );
  return info!;
}

/**
 * Firefox asks before a site opens a link with a handler: "Allow this site to open the tel link with Dialable?"
 * (a tab-modal dialog). Answers it as a user does — *Always allow* ticked, then *Open link* — once it is there.
 */
async function allowSiteToOpen(scheme: string): Promise<void> {
  let asked = '';
  await waitUntil(
    async () => {
      const answers = await evaluateInBrowserChrome<string>(
        bed.browser,
        `(async () => {
          // Windows without tabs (none here so far) have no gBrowser.
          for (const browser of window.gBrowser?.browsers ?? []) {
            const box = window.gBrowser.getTabDialogBox(browser);
            for (const manager of [box.getTabDialogManager(), box.getContentDialogManager()]) {
              for (const dialog of manager._dialogs) {
                const doc = dialog._frame.contentDocument;
                if (!doc?.location.href.includes('permissionDialog')) continue;
                const question = doc.getElementById('description')?.textContent ?? '';
                const remember = doc.getElementById('remember');
                if (remember && !remember.hidden) remember.checked = true;
                // The button stays disabled for a moment after the dialog opens (security.dialog_enable_delay).
                const accept = doc.querySelector('dialog').getButton('accept');
                for (let i = 0; i < 30 && accept.disabled; i++) await new Promise((r) => setTimeout(r, 100));
                accept.click();
                return JSON.stringify(question);
              }
            }
          }
          return JSON.stringify('');
        })()`,
      );
      asked = answers.find((a) => a !== '') ?? '';
      return asked !== '';
    },
    10_000,
    `Firefox's question before a site opens a ${scheme} link`,
  );
  expect(asked).toMatch(new RegExp(`^Allow this site to open the ${scheme.replace('+', '\\+')} link`));
}

/** Schemes this site has been allowed to open (Firefox remembers the ticked *Always allow*). */
const allowed = new Set<string>();

/** Clicks a link on the links fixture (a trusted click) and answers Firefox's question the first time per scheme. */
async function clickLink(page: Page, selector: string): Promise<void> {
  const href = await page.$eval(selector, (a) => a.getAttribute('href') ?? '');
  const scheme = href.slice(0, href.indexOf(':'));
  await page.click(selector);
  if (allowed.has(scheme)) return;
  await allowSiteToOpen(scheme);
  allowed.add(scheme);
}

beforeAll(async () => {
  bed = await startFirefoxBed({ popup: true, prefs: { 'extensions.webextensions.restrictedDomains': RESTRICTED } });
}, 90_000);

afterEach(async () => {
  for (const page of pages.splice(0)) await page.close().catch(() => undefined);
  await bed.peer.hangup().catch(() => undefined);
  await bed.peer.setMode('answer');
});

afterAll(async () => {
  await bed?.close();
});

/** The links fixture on the restricted host: no content script of ours runs there. */
async function linksPage(): Promise<Page> {
  const page = await newWindowPage(bed.browser);
  pages.push(page);
  const url = new URL('/interactive/handler-links.html', bed.fixtures.url);
  url.hostname = RESTRICTED;
  await page.goto(url.href);
  return page;
}

describe('Firefox hands tel:, sip: and web+dialable: links to Dialable', () => {
  test('the manifest registers Dialable for the three schemes; callto: cannot be registered', async () => {
    for (const scheme of ['tel', 'sip', 'web+dialable']) {
      expect((await schemeInfo(scheme)).apps).toContainEqual({ name: 'Dialable', template: TEMPLATE });
      expect(await schemeInfo(scheme, true)).toMatchObject({ alwaysAsk: false, preferred: 'Dialable' });
    }
    expect((await schemeInfo('callto')).apps.map((a) => a.template)).not.toContain(TEMPLATE);
  });

  test('a tel: link with a national number → an INVITE to the E.164 number; web+dialable:hangup ends the call', async () => {
    const before = invites();
    const page = await linksPage();
    await clickLink(page, '#national');
    await bed.peer.waitFor((s) => s.callState === 'established', 15_000, 'the call at the peer');
    expect(invites() - before).toBe(1);
    expect(bed.sip.inviteCalls('alice').at(-1)?.target).toContain(PEER_NUMBER.slice(1));
    const links = await linksPage();
    await clickLink(links, '#hangup');
    await bed.peer.waitFor((s) => s.callState === 'terminated', 10_000, 'the BYE at the peer');
  });

  test('a sip: link on the account\'s domain → an INVITE; web+dialable:hold and :unhold hold and resume it at the peer', async () => {
    const before = invites();
    await clickLink(await linksPage(), '#sip');
    await bed.peer.waitFor((s) => s.callState === 'established', 15_000, 'the call at the peer');
    expect(invites() - before).toBe(1);
    await clickLink(await linksPage(), '#hold');
    await bed.peer.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'held at the peer');
    await clickLink(await linksPage(), '#unhold');
    await bed.peer.waitFor((s) => s.remoteDirection === 'sendrecv', 10_000, 'resumed at the peer');
    await clickLink(await linksPage(), '#hangup');
    await bed.peer.waitFor((s) => s.callState === 'terminated', 10_000, 'the BYE at the peer');
  });

  test('a premium-rate number from a link opens the confirm dialer and sends no INVITE', async () => {
    const before = invites();
    await clickLink(await linksPage(), '#premium');
    const dialer = await waitForFirefoxConfirmDialer(bed.browser, /premium-rate/);
    pages.push(dialer.page);
    expect(dialer.number.replace(/\s/g, '')).toBe('+19005550100');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(invites()).toBe(before);
  });

  test('web+dialable:answer answers a ringing call, web+dialable:decline declines one', async () => {
    const calling = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    await waitUntil(async () => /Incoming|Ringing/i.test(await bed.popup.$eval('[data-testid="call-state"]', (el) => el.textContent ?? '')), 10_000, 'the call ringing');
    await clickLink(await linksPage(), '#answer');
    expect(await calling).toMatchObject({ ok: true, status: 200 });
    await bed.peer.hangup();
    await bed.peer.waitFor((s) => s.callState === 'terminated', 10_000, 'the call ended');

    const declined = bed.peer.call(`sip:alice@${bed.sip.domain}`);
    await waitUntil(async () => /Incoming|Ringing/i.test(await bed.popup.$eval('[data-testid="call-state"]', (el) => el.textContent ?? '')), 10_000, 'the second call ringing');
    await clickLink(await linksPage(), '#decline');
    const outcome = await declined;
    expect(outcome.ok).toBe(false);
    expect([486, 603]).toContain(outcome.status);
  });

  test('with "confirm every call from a page", even an ordinary number from a link waits in the confirm dialer', async () => {
    const options = await openFirefoxPage(bed.browser, 'popup/options/options.html');
    pages.push(options);
    await updateSettingsOn(options, { calling: { confirmPageCalls: true } });
    const before = invites();
    await clickLink(await linksPage(), '#international');
    const dialer = await waitForFirefoxConfirmDialer(bed.browser, /confirm every call/);
    pages.push(dialer.page);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(invites()).toBe(before);
    await updateSettingsOn(options, { calling: { confirmPageCalls: false } });
  });
});
