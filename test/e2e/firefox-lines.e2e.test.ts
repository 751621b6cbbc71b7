import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Peer } from './sip/peer-page';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { openTonePeers, popupLines, TONE_PEER_USERS, TONE_PEERS } from './support/popup-lines';
import { waitForText } from './support/wait-for-text';
import { waitUntil } from './support/wait-until';

/**
 * Two lines and attended transfer in Firefox, where the engine runs in the phone window: call waiting, answer,
 * swap, and a consult call completed so that the two peers end up talking to each other.
 */
const { A, B } = TONE_PEERS;

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

describe('Firefox: two lines and attended transfer', () => {
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

  test('attended transfer: A and B end up talking to each other, Dialable is out', async () => {
    await peerA.followRefer(true);
    await callA();
    await ui.typeInto('transfer-input', B.user);
    await ui.press('consult');
    await peerB.waitFor((s) => s.callState === 'established', 30_000, 'B answers the consult call');
    await ui.press('complete-transfer');
    // Slow in Firefox (about 8 s): every step runs in a background tab or the minimized phone window, whose timers
    // Firefox throttles.
    await peerB.waitFor((s) => s.replacedCalls === 1 && s.callState === 'established', 30_000, 'B takes A’s call in place of ours');
    await waitUntil(async () => (await bed.popup.$$('[data-testid="hangup"]')).length === 0, 30_000, 'Dialable out of both calls');
    expect((await peerA.snapshot()).callState).toBe('established');
    // Audio flows between the two of them (a Web Audio level meter cannot run in a background Firefox tab: packets).
    const before = [await peerA.stats(), await peerB.stats()];
    await new Promise((r) => setTimeout(r, 1_500));
    const after = [await peerA.stats(), await peerB.stats()];
    expect(after[0]!.packetsReceived - before[0]!.packetsReceived).toBeGreaterThan(20);
    expect(after[1]!.packetsReceived - before[1]!.packetsReceived).toBeGreaterThan(20);
  }, 120_000);
});
