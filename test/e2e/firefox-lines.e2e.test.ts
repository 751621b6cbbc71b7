import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Peer } from './sip/peer-page';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { openTonePeers, popupLines, TONE_PEER_USERS, TONE_PEERS } from './support/popup-lines';
import { waitForText } from './support/wait-for-text';

/**
 * Two lines in Firefox, where the engine runs in the phone window: call waiting, answer and swap. (The attended
 * transfer's Firefox test is out of the suite until a BiDi evaluate that hung for 20 s in one run of five is
 * understood; the transfer itself is the engine's code that lines.e2e runs in Chromium.)
 */
const { A } = TONE_PEERS;

let bed: FirefoxBed;
let peerA: Peer;
let peerB: Peer;
let ui: ReturnType<typeof popupLines>;

beforeAll(async () => {
  bed = await startFirefoxBed({ popup: true, moreUsers: TONE_PEER_USERS });
  ({ peerA, peerB } = await openTonePeers(bed.browser, bed.peerServer!, bed.sip));
  ui = popupLines(bed.popup, false);
}, 120_000);

afterAll(async () => {
  await bed?.close();
});

afterEach(async () => {
  await ui.endAll([peerA, peerB, bed.peer]);
});

async function callA(): Promise<void> {
  await ui.dial(A.user);
  await peerA.waitFor((s) => s.callState === 'established', 15_000, 'A answers');
  await waitForText(bed.popup, 'call-state', /^Connected/, 10_000);
}

describe('Firefox: two lines', () => {
  test('call waiting: the second caller rings, answering holds the first, swap changes the live call', async () => {
    await callA();
    const outcome = peerB.call('alice');
    await ui.waitForLines((l) => l.length === 2 && l.some((x) => x.startsWith('Incoming call|')), 'the second caller as a line');
    await ui.press('answer');
    expect((await outcome).ok).toBe(true);
    await peerA.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'A held');
    await ui.waitForLines((l) => l.some((x) => x.startsWith('On hold|') && x.includes('7946 0959')) && l.some((x) => x.startsWith('Connected|') && x.includes('7946 0960')), 'A held, B live');
    await ui.press('swap');
    await peerB.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'B held');
    await peerA.waitFor((s) => s.remoteDirection === 'sendrecv', 10_000, 'A back');
  });
});
