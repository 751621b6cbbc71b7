import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFixtureServer } from './support/fixture-server';
import { FIREFOX_ORIGIN, FIREFOX_TEST_DIST, findFirefoxPage, launchFirefox, newWindowPage, openFirefoxPage } from './support/firefox';
import type { StaticServer } from './support/static-server';
import { startKamailio, type Kamailio } from './sip/kamailio';

/**
 * The Firefox side of test/e2e/attacks.e2e.test.ts, for what differs there: the content script's visibility check
 * in Gecko, and the confirm dialer opened from the event page (the engine lives in the phone window). Asserted at
 * Kamailio's INVITE log.
 */
const USERS = { alice: 'alice-secret' };
const POLL = { polling: 100 } as const;

let sip: Kamailio;
let fixtures: StaticServer;
let browser: Browser;

const calls = () => sip.inviteCalls('alice');

beforeAll(async () => {
  sip = await startKamailio({ users: USERS });
  fixtures = await startFixtureServer();
  browser = await launchFirefox({ extensionDir: FIREFOX_TEST_DIST, microphoneOrigins: [FIREFOX_ORIGIN] });
  const welcome = await findFirefoxPage(browser, 'popup/welcome/welcome.html');
  await welcome.evaluate(async () => {
    await chrome.storage.local.set({ settings: { version: 1, detection: { defaultCountry: 'GB' } } });
  });
  const options = await openFirefoxPage(browser, 'popup/options/options.html');
  await options.waitForSelector('#account [name="server"]');
  for (const [name, value] of Object.entries({ server: sip.wsUrl, username: 'alice', domain: sip.domain, password: USERS.alice })) {
    await options.type(`#account [name="${name}"]`, value);
  }
  await options.click('#account button[type="submit"]');
  await options.waitForFunction(() => /Registered as/.test((document.querySelector('#account') as HTMLElement | null)?.innerText ?? ''), { ...POLL, timeout: 15_000 });
  await options.close();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([fixtures?.close(), sip?.stop()]);
});

async function attackPage(): Promise<Page> {
  const page = await newWindowPage(browser);
  await page.goto(`${fixtures.url}/interactive/attacks.html`);
  await page.waitForSelector('#reception a[data-dialable]', { timeout: 10_000 });
  return page;
}

async function mouseClick(page: Page, selector: string): Promise<void> {
  const box = await page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
}

/** The confirm dialer window, once it shows a reason matching `reason`. */
async function confirmDialer(reason: RegExp): Promise<{ page: Page; number: string; reason: string }> {
  const page = await findFirefoxPage(browser, 'popup/dialer/popup.html?dial=');
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[data-testid="confirm-reason"]')?.textContent ?? ''),
    { ...POLL, timeout: 10_000 },
    reason.source,
  );
  return {
    page,
    number: await page.$eval('[data-testid="dial-input"]', (el) => (el as HTMLInputElement).value),
    reason: await page.$eval('[data-testid="confirm-reason"]', (el) => el.textContent ?? ''),
  };
}

describe('Firefox: a click is the user\'s intent; costly numbers are confirmed', () => {
  test('an invisible link (opacity: 0): no call, no dialer (a later visible click in the tab is the one that shows)', async () => {
    const before = calls().length;
    const page = await attackPage();
    await mouseClick(page, '#invisible');
    await mouseClick(page, '#premium');
    const dialer = await confirmDialer(/premium-rate/);
    expect(dialer.number).toBe('+19005550100');
    expect(calls()).toHaveLength(before);
    await dialer.page.close();
    await page.close();
  });

  test('premium rate: the confirm dialer names it; nothing is sent until Call, then the INVITE goes out', async () => {
    const before = calls().length;
    const page = await attackPage();
    await mouseClick(page, '#premium');
    const dialer = await confirmDialer(/premium-rate/);
    expect(dialer.reason).toBe('This is a premium-rate number (+1 900 555 0100); calls to it may cost more.');
    expect(calls()).toHaveLength(before);
    await dialer.page.click('[data-testid="dial"]');
    await dialer.page.waitForFunction(() => /Failed/.test(document.querySelector('[data-testid="call-state"]')?.textContent ?? ''), { ...POLL, timeout: 15_000 });
    expect(calls().slice(before).map((c) => c.target)).toEqual([`+19005550100@${sip.domain}`]);
    await dialer.page.close();
    await page.close();
  });
});
