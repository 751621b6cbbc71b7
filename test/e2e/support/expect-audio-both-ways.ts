import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Peer } from '../sip/peer-page';

type EngineWindow = { dialableEngine: { stats(): Promise<{ packetsReceived: number; packetsSent: number } | undefined> } };

/** RTP counters of the engine's call, read in the page that hosts the engine (offscreen document or phone window). */
export async function engineStats(host: Page): Promise<{ packetsReceived: number; packetsSent: number }> {
  const stats = await host.evaluate(() => (globalThis as unknown as EngineWindow).dialableEngine.stats());
  if (!stats) throw new Error('no active call in the engine');
  return stats;
}

/** Audio flows both ways: RTP counters grow on the peer and in the engine over ~1 s. `host` finds the engine's page. */
export async function expectAudioBothWays(peer: Peer, host: () => Promise<Page>): Promise<void> {
  const [p0, e0] = [await peer.stats(), await engineStats(await host())];
  await new Promise((r) => setTimeout(r, 1_000));
  const [p1, e1] = [await peer.stats(), await engineStats(await host())];
  expect(p1.packetsReceived, 'peer receives RTP from Dialable').toBeGreaterThan(p0.packetsReceived + 10);
  expect(e1.packetsReceived, 'Dialable receives RTP from the peer').toBeGreaterThan(e0.packetsReceived + 10);
}
