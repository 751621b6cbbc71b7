import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Peer } from './sip/peer-page';
import { offscreenPage } from './support/extension';
import { startSipBed, type SipBed } from './support/sip-bed';
import { testIdText, waitForText } from './support/wait-for-text';
import { waitUntil } from './support/wait-until';
import { HEARD_DBFS, openTonePeers, popupLines, receivedEnergy as energy, SILENT_DBFS, TONE_PEER_USERS, TONE_PEERS } from './support/popup-lines';
import { expectAccessible } from './support/expect-accessible';

/**
 * An agent's calls, plural, on Chrome against Kamailio: call waiting and swap, a second outgoing call, remote hold,
 * attended transfer (the two other people end up talking to each other) and the three-way conference mixed in the
 * browser. Peers A and B send steady tones of their own (500 Hz, 1300 Hz) so that who hears whom can be measured;
 * the bed's own peer plays the third caller.
 */
const { A, B } = TONE_PEERS;
type EngineWindow = { dialableEngine: { snapshot(): { calls: Array<{ muted: boolean }> } } };

let bed: SipBed;
let popup: Page;
let peerA: Peer;
let peerB: Peer;
let ui: ReturnType<typeof popupLines>;

beforeAll(async () => {
  bed = await startSipBed({ moreUsers: TONE_PEER_USERS });
  popup = bed.popup;
  ui = popupLines(popup, true);
  ({ peerA, peerB } = await openTonePeers(bed.browser, bed.peerServer, bed.sip));
}, 120_000);

afterAll(async () => {
  await bed?.close();
});

afterEach(async () => {
  await ui.endAll([peerA, peerB, bed.peer]);
});

async function front(): Promise<Page> {
  await popup.bringToFront();
  return popup;
}

/**
 * `DIALABLE_SCREENSHOTS=1 npx vitest run --project e2e test/e2e/lines.e2e.test.ts` refreshes the README's pictures of
 * the popup (docs/images); a normal run takes none.
 */
async function screenshot(name: string): Promise<void> {
  if (!process.env.DIALABLE_SCREENSHOTS) return;
  await popup.setViewport({ width: 360, height: 640 });
  const main = await popup.$('main');
  await main?.screenshot({ path: `docs/images/${name}.png` });
}

async function callA(): Promise<void> {
  await ui.dial(A.user);
  await peerA.waitFor((s) => s.callState === 'established', 15_000, 'A answers');
  await waitForText(await front(), 'call-state', /^Connected/, 10_000);
}

describe('two lines, transfer with consultation, conference (Chrome)', () => {
  test('call waiting: a second caller rings softly instead of busy; answering holds the first; swap; a third caller hears busy', async () => {
    await callA();
    const outcome = peerB.call('alice');
    await ui.waitForLines((l) => l.length === 2 && l.some((x) => x.startsWith('Incoming call|')), 'the second caller as a line');
    expect((await peerB.snapshot()).callState).toBe('calling');
    await ui.press('answer');
    expect((await outcome).ok).toBe(true);
    await peerA.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'A held by a re-INVITE');
    await ui.waitForLines((l) => l.some((x) => x.startsWith('On hold|') && x.includes('7946 0959')) && l.some((x) => x.startsWith('Connected|') && x.includes('7946 0960')), 'A held, B live');
    await expectAccessible(popup, 'popup with two lines');
    await screenshot('two-lines');
    // Audio only in the live call: B hears Dialable's microphone, A (held) hears nothing.
    expect(await energy(peerB)).toBeGreaterThan(0);
    expect(await energy(peerA)).toBe(0);

    await ui.press('swap');
    await peerB.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'B held');
    await peerA.waitFor((s) => s.remoteDirection === 'sendrecv', 10_000, 'A back');
    await ui.waitForLines((l) => l.some((x) => x.startsWith('Connected|') && x.includes('7946 0959')), 'A live again');
    expect(await energy(peerA)).toBeGreaterThan(0);
    expect(await energy(peerB)).toBe(0);

    // Both lines in use: a third caller hears busy.
    const third = await bed.peer.call('alice');
    expect(third).toMatchObject({ ok: false, status: 486 });
  });

  test('a second call placed from the keypad while in a call holds the first one', async () => {
    await callA();
    await ui.dial(B.user);
    await peerB.waitFor((s) => s.callState === 'established', 15_000, 'B answers');
    await peerA.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'A held first');
    await ui.waitForLines((l) => l.length === 2 && l.some((x) => x.startsWith('Connected|') && x.includes('7946 0960')), 'B live');
    // Hanging up the live call leaves the held one.
    await peerB.hangup();
    await ui.waitForLines((l) => l.length === 0, 'one call left (no line list)');
    expect(await testIdText(popup, 'call-state')).toMatch(/^On hold/);
  });

  test('remote hold is shown as "Held by the other side", and their resume as Connected', async () => {
    await callA();
    expect((await peerA.hold()).ok).toBe(true);
    await waitForText(await front(), 'call-state', /^Held by the other side/, 10_000);
    expect((await peerA.unhold()).ok).toBe(true);
    await waitForText(await front(), 'call-state', /^Connected/, 10_000);
  });

  test('attended transfer: consult B while A waits, complete → A and B talk to each other, Dialable is out', async () => {
    await peerA.followRefer(true);
    await callA();
    const page = await front();
    await ui.typeInto('transfer-input', B.user);
    await ui.press('consult');
    await peerA.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'A on hold during the consultation');
    await peerB.waitFor((s) => s.callState === 'established', 15_000, 'B answers the consult call');
    await ui.press('complete-transfer');
    await peerB.waitFor((s) => s.replacedCalls === 1 && s.callState === 'established', 15_000, 'B takes A’s call in place of ours');
    await peerA.waitFor((s) => s.callState === 'established' && s.sipLog.some((e) => e.dir === 'out' && e.line.startsWith('NOTIFY')), 15_000, 'A connected to B');
    await waitUntil(async () => (await page.$$('[data-testid="hangup"]')).length === 0, 15_000, 'Dialable out of both calls');
    // A and B now hear each other's tone, through no one but themselves.
    expect(await peerA.hears(B.tone)).toBeGreaterThan(HEARD_DBFS);
    expect(await peerB.hears(A.tone)).toBeGreaterThan(HEARD_DBFS);
  });

  test('a transfer the target refuses gives the first caller back, with a sentence', async () => {
    await peerA.followRefer(true);
    await callA();
    await ui.typeInto('transfer-input', B.user);
    await ui.press('consult');
    await peerB.waitFor((s) => s.callState === 'established', 15_000, 'B answers the consult call');
    await peerB.setMode('busy');
    try {
      await ui.press('complete-transfer');
      await waitForText(await front(), 'message', /The transfer did not work \(SIP\/2\.0 486/, 15_000);
      await peerA.waitFor((s) => s.remoteDirection === 'sendrecv', 10_000, 'A resumed');
      await peerB.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'B waits on hold');
      await ui.waitForLines((l) => l.some((x) => x.startsWith('Connected|') && x.includes('7946 0959')), 'A live again');
    } finally {
      await peerB.setMode('answer');
    }
  });

  test('cancelling the consultation ends the consult call and gives the first caller back', async () => {
    await callA();
    const page = await front();
    await ui.typeInto('transfer-input', B.user);
    await ui.press('consult');
    await peerB.waitFor((s) => s.callState === 'established', 15_000, 'B answers the consult call');
    await ui.press('cancel-consult');
    await peerB.waitFor((s) => s.callState === 'terminated', 10_000, 'the consult call ended');
    await peerA.waitFor((s) => s.remoteDirection === 'sendrecv', 10_000, 'A resumed');
    await waitForText(page, 'call-state', /^Connected/, 10_000);
  });

  test('conference: merge two calls, each hears the other; one hangs up and the other call stays live', async () => {
    await callA();
    await ui.dial(B.user);
    await peerB.waitFor((s) => s.callState === 'established', 15_000, 'B answers');
    // Before the merge A is on hold and hears nothing of B.
    expect(await peerA.hears(B.tone)).toBeLessThan(SILENT_DBFS);
    await ui.press('merge');
    await ui.waitForLines((l) => l.length === 2 && l.every((x) => x.startsWith('Conference|')), 'both calls in the conference');
    expect(await testIdText(popup, 'call-state')).toMatch(/^Conference/);
    await peerA.waitFor((s) => s.remoteDirection === 'sendrecv', 10_000, 'A off hold');
    expect(await peerA.hears(B.tone)).toBeGreaterThan(HEARD_DBFS);
    expect(await peerB.hears(A.tone)).toBeGreaterThan(HEARD_DBFS);
    // Dialable's own microphone still reaches both.
    expect(await energy(peerA)).toBeGreaterThan(0);
    await expectAccessible(popup, 'popup in a conference');
    await screenshot('conference');
    // Mute mutes the user towards both calls, and the two others still hear each other (the mixes keep running).
    await ui.press('mute');
    const engine = await offscreenPage(bed.browser);
    await waitUntil(async () => engine.evaluate(() => (globalThis as unknown as EngineWindow).dialableEngine.snapshot().calls.every((c) => c.muted)), 5_000, 'both calls muted');
    expect(await peerA.hears(B.tone)).toBeGreaterThan(HEARD_DBFS);
    expect(await peerB.hears(A.tone)).toBeGreaterThan(HEARD_DBFS);
    await ui.press('mute');

    await peerB.hangup();
    await waitForText(await front(), 'call-state', /^Connected/, 10_000);
    expect((await peerA.snapshot()).callState).toBe('established');
    let level = 0;
    await waitUntil(async () => (level = await peerA.hears(B.tone)) < SILENT_DBFS, 5_000, `B's tone to leave A's call (now ${level} dBFS)`);
    expect(await energy(peerA)).toBeGreaterThan(0);
  });
});
