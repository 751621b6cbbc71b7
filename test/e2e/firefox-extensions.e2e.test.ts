import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findFirefoxPage, newWindowPage } from './support/firefox';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { waitForText } from './support/wait-for-text';

// Firefox: the phone window (the engine's page, raised for each call) shows the extension being dialled and has the
// in-call keypad, whose key tones play right there in the engine. DTMF receiver: the sip.js peer's decoded RFC 4733
// telephone-event payloads (`dtmfRtpDigits`, see test/e2e/sip/peer/payload-watch-worker.js).

const PHONE = 'background/phone-window/phone.html';

let bed: FirefoxBed;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  bed = await startFirefoxBed();
  browser = bed.browser;
}, 60_000);

afterAll(async () => {
  await bed?.close();
});

describe('Firefox phone window: extensions and the in-call keypad', () => {
  test('a tel:…;ext=204 link: the phone window says "Dialling extension 204", the peer receives 2, 0, 4; its keypad sends 5 with a key tone', async () => {
    page = await newWindowPage(browser);
    await page.goto(`${bed.fixtures.url}/interactive/extensions.html`);
    await (await page.waitForSelector('#tel-ext'))!.click();
    await bed.peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
    const phone = await findFirefoxPage(browser, PHONE);
    expect(await waitForText(phone, 'post-dial', /Dialling extension 204/)).toBeTruthy();
    await bed.peer.waitFor((s) => s.dtmfRtpDigits === '204', 10_000, 'the digits 204 as telephone-events');

    // The keypad is shown only during the call, in the window Firefox raised for it.
    await phone.waitForSelector('[data-testid="key-5"]', { visible: true, timeout: 5_000 });
    await phone.click('[data-testid="key-5"]');
    await bed.peer.waitFor((s) => s.dtmfRtpDigits === '2045', 5_000, 'the keypad digit');
    type Tones = { dialableEngine: { keyTones: { played: string[] } } };
    expect(await phone.evaluate(() => (globalThis as unknown as Tones).dialableEngine.keyTones.played)).toEqual(['5']);

    await bed.peer.hangup();
    await phone.waitForSelector('[data-testid="key-5"]', { hidden: true, timeout: 5_000 });
  });
});
