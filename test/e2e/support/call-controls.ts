import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Peer } from '../sip/peer-page';
import { waitForTestId } from './sip-bed';

/** The number the controls transfer to (nobody registers it: the REFER itself is what the peer checks). */
export const TRANSFER_TARGET = '+12133734253';

/**
 * Mute, hold/resume, DTMF and a blind transfer, each pressed in the popup (data-testid hooks) and each checked where
 * it must arrive: audio energy at the peer, the peer's remote SDP direction, RFC 4733 packets, the REFER's target.
 * Expects a connected call to the peer; leaves it transferred (the caller hangs up). Chrome and Firefox run the same.
 */
export async function exerciseCallControls(popup: Page, peer: Peer, domain: string): Promise<void> {
  const energyOverOneSecond = async () => {
    const before = (await peer.stats()).totalAudioEnergy;
    await new Promise((r) => setTimeout(r, 1_000));
    return (await peer.stats()).totalAudioEnergy - before;
  };
  const speaking = await energyOverOneSecond();
  await popup.click('[data-testid="mute"]');
  await popup.waitForSelector('[data-testid="mute"][aria-pressed="true"]');
  await new Promise((r) => setTimeout(r, 500)); // the peer's jitter buffer drains
  const muted = await energyOverOneSecond();
  expect(speaking, 'the fake microphone sounds while not muted').toBeGreaterThan(0);
  expect(muted, 'next to no audio energy at the peer while muted').toBeLessThan(speaking * 0.05);
  await popup.click('[data-testid="mute"]');
  await popup.waitForSelector('[data-testid="mute"][aria-pressed="false"]');

  await popup.click('[data-testid="hold"]');
  await peer.waitFor((s) => s.remoteDirection === 'sendonly' || s.remoteDirection === 'inactive', 5_000, 'held');
  expect(await waitForTestId(popup, 'call-state', /On hold/)).toBeTruthy();
  await popup.click('[data-testid="hold"]');
  await peer.waitFor((s) => s.remoteDirection === 'sendrecv', 5_000, 'resumed');
  await waitForTestId(popup, 'call-state', /Connected/);

  await popup.click('[data-testid="key-5"]');
  await peer.waitFor((s) => s.dtmfRtpPackets > 0, 5_000, 'RFC 4733 telephone-events');

  await popup.type('[data-testid="transfer-input"]', TRANSFER_TARGET);
  await popup.click('[data-testid="transfer"]');
  const transferred = await peer.waitFor((s) => s.referTo !== null, 5_000, 'REFER');
  expect(transferred.referTo).toContain(`${TRANSFER_TARGET}@${domain}`);
}
