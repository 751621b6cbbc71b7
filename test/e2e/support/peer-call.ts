import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Peer } from '../sip/peer-page';
import { waitForText } from './wait-for-text';

/** The peer calls alice and the popup answers (its button, pressed through the DOM: the popup may not be in front). */
export async function answerPeerCall(peer: Peer, popup: Page, domain: string): Promise<void> {
  const calling = peer.call(`sip:alice@${domain}`);
  await waitForText(popup, 'call-state', /Incoming call/);
  await popup.$eval('[data-testid="answer"]', (button) => (button as HTMLButtonElement).click());
  expect(await calling).toMatchObject({ ok: true, status: 200 });
  await peer.waitFor((s) => s.callState === 'established', 5_000, 'the call up');
}

/** Presses the popup's hang-up and returns how long until the peer saw the call end (its BYE arrived). */
export async function timeHangUpAtPeer(peer: Peer, popup: Page): Promise<number> {
  await popup.waitForFunction(() => document.querySelector('[data-testid="hangup"]') !== null, { polling: 100, timeout: 10_000 });
  const started = Date.now();
  await popup.$eval('[data-testid="hangup"]', (button) => (button as HTMLButtonElement).click());
  await peer.waitFor((s) => s.callState === 'terminated', 10_000, 'the BYE');
  return Date.now() - started;
}
