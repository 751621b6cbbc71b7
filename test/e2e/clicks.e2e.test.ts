import type { Browser, Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { EXTENSION_ORIGIN, setSettings } from './support/extension';
import { scrollThrough, waitForLinksToSettle } from './support/settle';
import type { StaticServer } from './support/static-server';
import { startLinkingBrowser, type LinkingBrowser } from './support/linking-browser';

/** Poll on a timer: `requestAnimationFrame` (puppeteer's default) never fires in a background tab. */
const POLL = { polling: 100 } as const;

let browser: Browser;
let server: StaticServer;
let page: Page;

let bed: LinkingBrowser | undefined;

beforeAll(async () => {
  bed = await startLinkingBrowser('GB');
  ({ browser, server } = bed);
});
afterAll(async () => {
  await bed?.close();
});
beforeEach(async () => {
  for (const p of await browser.pages()) if (p.url().startsWith(EXTENSION_ORIGIN)) await p.close();
  page = await browser.newPage();
  await page.goto(`${server.url}/interactive/clicks.html`);
  await waitForLinksToSettle(page, 300);
});

const isDialer = (t: Target) => t.url().startsWith(`${EXTENSION_ORIGIN}/popup/dialer/popup.html?dial=`);

/** The dialer window the background opens for a dial request, with what its number field shows. */
async function nextDialer(): Promise<string> {
  const target = await browser.waitForTarget(isDialer, { timeout: 5_000 });
  const dialer = (await target.page()) as Page;
  await dialer.waitForSelector('[data-testid=dial-input]');
  const value = await dialer.$eval('[data-testid=dial-input]', (el) => (el as HTMLInputElement).value);
  await dialer.close();
  return value;
}

/** True if no dialer opens within `ms`. */
async function noDialerWithin(ms: number): Promise<boolean> {
  try {
    await browser.waitForTarget(isDialer, { timeout: ms });
    return false;
  } catch {
    return true;
  }
}

describe('clicks on numbers (trusted clicks dial, synthetic ones never do)', () => {
  test('a number split over inline markup becomes one number in two linked pieces, text unchanged', async () => {
    const pieces = await page.$$eval('#plain a[data-dialable]', (as) =>
      as.map((a) => [a.textContent, a.getAttribute('data-dialable'), a.hasAttribute('data-dialable-part'), a.getAttribute('href'), a.title]),
    );
    expect(pieces).toEqual([
      ['+44', '+442079460958', false, 'tel:+442079460958', expect.stringContaining('+44 20 7946 0958')],
      ['20 7946 0958', '+442079460958', true, 'tel:+442079460958', expect.stringContaining('+44 20 7946 0958')],
    ]);
    expect(await page.$eval('#plain', (p) => (p as HTMLElement).innerText)).toBe('Call our London office on +44 20 7946 0958 today.');
    expect(await page.$$eval('#editor a', (as) => as.length)).toBe(0);
  });

  test('extensions go into the href and data-ext, not into data-dialable', async () => {
    const link = await page.$eval('#ext a[data-dialable]', (a) => [a.getAttribute('href'), a.getAttribute('data-dialable'), a.getAttribute('data-ext')]);
    expect(link).toEqual(['tel:+12133734253;ext=204', '+12133734253', '204']);
  });

  test('with no account yet, a trusted click on our link opens the dialer with the number and the reason; the page stays put', async () => {
    await page.click('#plain a[data-dialable]:not([data-dialable-part])');
    expect(await nextDialer()).toBe('+442079460958');
    expect(page.url()).toBe(`${server.url}/interactive/clicks.html`);
  });

  test("a click on a page's own tel:, callto: and sip: links dials them instead of the OS handler", async () => {
    // One tab per click: a tab may start one call per 2 s (the rate limit against pages that make users click).
    for (const [id, number] of [['#tel', '+12133734253'], ['#callto', '+493012345678'], ['#sip', 'sip:bob@example.com']] as const) {
      const tab = await browser.newPage();
      await tab.goto(`${server.url}/interactive/clicks.html`);
      await tab.click(id);
      expect(await nextDialer()).toBe(number);
      expect(tab.url()).toBe(`${server.url}/interactive/clicks.html`);
      await tab.close();
    }
  });

  test('synthetic clicks from the page (element.click(), dispatched MouseEvents) place no call', async () => {
    await page.evaluate(() => {
      for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-dialable], #tel, #sip')) {
        a.click();
        a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
      }
    });
    expect(await noDialerWithin(1_500)).toBe(true);
  });

  test('a page rewriting our link cannot change the number a click dials', async () => {
    await page.evaluate(() => {
      const a = document.querySelector<HTMLAnchorElement>('#plain a[data-dialable]')!;
      a.setAttribute('data-dialable', '+19005550100');
      a.href = 'tel:+19005550100';
    });
    await page.click('#plain a[data-dialable]:not([data-dialable-part])');
    expect(await nextDialer()).toBe('+442079460958');
  });

  test('settings apply to open tabs without a reload: site switch, master switch, link style', async () => {
    const text = await page.evaluate(() => document.body.innerText);
    const count = () => page.evaluate(() => document.querySelectorAll('a[data-dialable]').length);
    expect(await count()).toBe(3);

    await setSettings(browser, { disabledSites: ['127.0.0.1'] });
    await page.waitForFunction(() => document.querySelectorAll('a[data-dialable]').length === 0, POLL);
    expect(await page.evaluate(() => document.body.innerText)).toBe(text);

    await setSettings(browser, { disabledSites: [] });
    await page.waitForFunction(() => document.querySelectorAll('a[data-dialable]').length === 3, POLL);

    await setSettings(browser, { enabled: false });
    await page.waitForFunction(() => document.querySelectorAll('a[data-dialable]').length === 0, POLL);
    await setSettings(browser, { enabled: true, linkStyle: 'none' });
    await page.waitForFunction(() => document.querySelectorAll('a[data-dialable-style="none"]').length === 3, POLL);
    await setSettings(browser, { linkStyle: 'dotted' });
    await page.waitForFunction(() => document.querySelectorAll('a[data-dialable-style="dotted"]').length === 3, POLL);
    expect(await page.evaluate(() => document.body.innerText)).toBe(text);
  });

  test('the default country applies live: national numbers follow it', async () => {
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'national';
      p.textContent = 'Berlin: 030 12345678';
      document.body.append(p);
    });
    await setSettings(browser, { defaultCountry: 'DE' });
    await page.waitForFunction(() => document.querySelector('#national a')?.getAttribute('data-dialable') === '+493012345678', POLL);
    await setSettings(browser, { defaultCountry: 'GB' });
  });

  test('a page with a strict Content-Security-Policy still gets its numbers linked', async () => {
    await page.goto(`${server.url}/interactive/csp.html`);
    await page.waitForSelector('a[data-dialable="+442079460958"]', { timeout: 5_000 });
  });
});

describe('a page with thousands of numbers (linked as they come near the viewport)', () => {
  test('runs too long for one message: both numbers of each of 30 runs of 20,000 characters are linked', async () => {
    const long = await browser.newPage();
    await long.goto(`${server.url}/interactive/long-runs.html`);
    // Matching 600,000 characters takes the background a while: wait for the last paragraph's link, or time out.
    await long.waitForFunction(() => document.querySelector('#minutes p:last-child a[data-dialable]') !== null, { ...POLL, timeout: 20_000 }).catch(() => undefined);
    await waitForLinksToSettle(long, 800);
    const numbers = await long.$$eval('#minutes p', (ps) => ps.map((p) => [...p.querySelectorAll('a[data-dialable]')].map((a) => a.getAttribute('data-dialable'))));
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => [`+1310373${4600 + i}`, `+1213373${4600 + i}`]));
    await long.close();
  });

  test('3,000 numbers linked, each with its own number; cells the page rewrote or moved meanwhile keep the new text and dial it', async () => {
    const bulk = await browser.newPage();
    const errors: string[] = [];
    bulk.on('pageerror', (e) => errors.push(String(e)));
    await bulk.goto(`${server.url}/interactive/bulk.html`);
    await bulk.waitForFunction(() => document.body.dataset.rewritten === '1' && document.body.dataset.shifted === '1', POLL);
    await bulk.bringToFront();
    // A quick reader: a few frames per screen are enough for every row to come near; what is linked after the last
    // step is waited for below.
    await scrollThrough(bulk, 60);
    await waitForLinksToSettle(bulk, 800);
    const rows = await bulk.$$eval('#contacts tr', (trs) =>
      trs.map((tr) => {
        const cell = (tr as HTMLTableRowElement).cells[1] as HTMLTableCellElement;
        const links = [...cell.querySelectorAll('a[data-dialable]')];
        return { text: cell.innerText, numbers: links.map((a) => a.getAttribute('data-dialable')), hrefs: links.map((a) => a.getAttribute('href')) };
      }),
    );
    expect(rows).toHaveLength(3000);
    const wrong = rows.flatMap((row, i) => {
      const rewritten = i % 100 === 0 || i % 100 === 50;
      const digits = `${rewritten ? '310' : '213'}373${String(i).padStart(4, '0')}`;
      const text = `+1 ${digits.slice(0, 3)}-373-${digits.slice(6)}`;
      const ok = row.text === text && row.numbers.length === 1 && row.numbers[0] === `+1${digits}` && row.hrefs[0] === `tel:+1${digits}`;
      return ok ? [] : [`row ${i}: ${JSON.stringify(row)}`];
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(errors).toEqual([]);
    await bulk.close();
  });
});
