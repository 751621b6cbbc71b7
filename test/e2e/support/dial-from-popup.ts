import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Peer } from '../sip/peer-page';
import { endCalls, inviteCount } from './sip-bed';
import { typeNumber } from './type-number';
import { testIdText, waitForText } from './wait-for-text';
import { waitUntil } from './wait-until';

/**
 * Dials from the popup as a user would; returns the dialled address as the peer received it (the To header keeps
 * the request-URI the caller sent; Kamailio rewrites the request line to the peer's contact). Expects the call to
 * connect, then ends it.
 */
export async function dialFromPopup(bed: { popup: Page; peer: Peer }, number: string): Promise<string> {
  const { popup, peer } = bed;
  const before = await inviteCount(peer);
  await typeNumber(popup, number);
  await popup.click('[data-testid="dial"]');
  // Either the peer gets the INVITE or the call fails (a rewritten number is unknown at the server: 404).
  await waitUntil(async () => (await inviteCount(peer)) > before || /^Failed/.test(await testIdText(popup, 'call-state')), 15_000, 'the call to start or fail').catch(async (error: unknown) => {
    const seen = await popup.evaluate(() => [...document.querySelectorAll('[data-testid]')].map((el) => `${el.getAttribute('data-testid')}: ${el.textContent}`).join(' | '));
    throw new Error(`${String(error)}; the popup shows: ${seen.slice(0, 1500)}`);
  });
  const invite = (await peer.snapshot()).lastInvite;
  expect(await inviteCount(peer)).toBe(before + 1);
  await waitForText(popup, 'call-state', /^Connected/, 15_000);
  await endCalls(bed);
  return invite?.to ?? '';
}
