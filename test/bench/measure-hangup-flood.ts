/**
 * Hang-up latency with and without a tab flooding `page:scan` (part of the call bench): the popup's hang-up message
 * (`ui:call`, sent from an extension page as the popup's button sends it) → the BYE arriving at the peer, first on a
 * quiet browser, then while test/fixtures/interactive/flood.html rewrites 4 MB of the text phone-number matching is
 * slowest on every second — in the same run, the same browser, the same call set-up.
 */
import type { Browser, Page } from 'puppeteer-core';
import { controlPage } from '../e2e/support/extension';
import type { StaticServer } from '../e2e/support/static-server';
import type { Peer } from '../e2e/sip/peer-page';

const SAMPLES = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface HangupFlood {
  quietMs: number[];
  floodMs: number[];
  /** How many times the flood page had rewritten itself when the last sample was taken. */
  floodRounds: number;
}

/** One call to the peer, hung up from an extension page: ms from the message to the BYE at the peer. */
async function hangupOnce(control: Page, peer: Peer, number: string): Promise<number> {
  const dialed = await control.evaluate((target) => chrome.runtime.sendMessage({ type: 'ui:dial', payload: { target } }), number);
  if (!(dialed as { accepted?: boolean }).accepted) throw new Error(`the bench call was not accepted: ${JSON.stringify(dialed)}`);
  await peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
  await sleep(500);
  const sentAt = await control.evaluate(() => {
    const at = performance.timeOrigin + performance.now();
    void chrome.runtime.sendMessage({ type: 'ui:call', payload: { action: 'hangup' } });
    return at;
  });
  const ended = await peer.waitFor((s) => s.callState === 'terminated', 15_000, 'the BYE');
  const bye = ended.sipLog.find((e) => e.dir === 'in' && e.line.startsWith('BYE ') && e.at >= sentAt);
  if (!bye) throw new Error('no BYE at the peer after the hang-up');
  await sleep(400);
  return bye.at - sentAt;
}

export async function measureHangupFlood(browser: Browser, fixtures: StaticServer, peer: Peer, number: string): Promise<HangupFlood> {
  const control = await controlPage(browser);
  const quietMs: number[] = [];
  for (let i = 0; i < SAMPLES; i++) quietMs.push(await hangupOnce(control, peer, number));

  const flood = await browser.newPage();
  await flood.goto(`${fixtures.url}/interactive/flood.html`);
  await flood.bringToFront();
  await flood.waitForFunction(() => Number(document.body.dataset.rounds) >= 2, { timeout: 60_000, polling: 200 });
  const floodMs: number[] = [];
  for (let i = 0; i < SAMPLES; i++) floodMs.push(await hangupOnce(control, peer, number));
  const floodRounds = await flood.evaluate(() => Number(document.body.dataset.rounds));
  await flood.close();
  return { quietMs, floodMs, floodRounds };
}
