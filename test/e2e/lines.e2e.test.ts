import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { openPeer, type Peer } from './sip/peer-page';
import { startSipBed, type SipBed } from './support/sip-bed';
import { testIdText, waitForText } from './support/wait-for-text';
import { waitUntil } from './support/wait-until';

/**
 * An agent's calls, plural, on Chrome against Kamailio: call waiting and swap, a second outgoing call, remote hold,
 * attended transfer (the two other people end up talking to each other) and the three-way conference mixed in the
 * browser. Peers A and B send steady tones of their own (500 Hz, 1300 Hz) so that who hears whom can be measured;
 * the bed's own peer plays the third caller.
 */
const A = { user: '+442079460959', password: 'a-secret', tone: 500 };
const B = { user: '+442079460960', password: 'b-secret', tone: 1300 };
/** A peer's tone arriving through a call measures about -35 to -45 dBFS at its frequency; without it, -85 to -130. */
const HEARD_DBFS = -55;
const SILENT_DBFS = -75;

let bed: SipBed;
let popup: Page;
let peerA: Peer;
let peerB: Peer;

beforeAll(async () => {
  bed = await startSipBed({ moreUsers: { [A.user]: A.password, [B.user]: B.password } });
  popup = bed.popup;
  for (const [config, set] of [
    [A, (p: Peer) => (peerA = p)],
    [B, (p: Peer) => (peerB = p)],
  ] as const) {
    const peer = await openPeer(bed.browser, bed.peerServer, bed.sip, { ...config, mode: 'answer', answerDelay: 200 });
    const registered = await peer.register();
    if (!registered.ok) throw new Error(`${config.user} did not register: ${registered.status}`);
    set(peer);
  }
}, 120_000);

afterAll(async () => {
  await bed?.close();
});

afterEach(async () => {
  // Whatever a test left: every peer hangs up, and the popup is idle again.
  for (const peer of [peerA, peerB, bed.peer]) {
    const s = await peer.snapshot();
    if (['established', 'incoming', 'calling'].includes(s.callState)) await peer.hangup().catch(() => undefined);
    await peer.followRefer(false);
  }
  // And Dialable hangs up whatever is left (a held call the peers did not end).
  for (let i = 0; i < 4 && (await popup.$$('[data-testid="hangup"]')).length > 0; i++) {
    await popup.click('[data-testid="hangup"]').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
  }
  await waitUntil(async () => (await popup.$$('[data-testid="hangup"]')).length === 0, 10_000, 'no call left in the popup');
});

async function front(): Promise<Page> {
  await popup.bringToFront();
  return popup;
}

/** Replaces what a field of the popup holds, as a user would: select all, delete, type. */
async function typeInto(testId: string, text: string): Promise<void> {
  const page = await front();
  const field = `[data-testid="${testId}"]`;
  const shown = () => page.$eval(field, (el) => (el as HTMLInputElement).value.replace(/\D/g, ''));
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.click(field, { clickCount: 3 });
    await page.keyboard.press('Backspace');
    await page.type(field, text);
    await new Promise((r) => setTimeout(r, 200));
    if ((await shown()) === text.replace(/\D/g, '')) return;
  }
  throw new Error(`the popup's ${testId} shows "${await shown()}" after typing ${text}`);
}

/** Types a number in the popup and presses Call, as a user would (also during a call: a second line). */
async function dial(number: string): Promise<void> {
  await typeInto('dial-input', number);
  await press('dial');
}

async function press(testId: string): Promise<void> {
  const page = await front();
  await page.waitForSelector(`[data-testid="${testId}"]:not([disabled])`, { timeout: 10_000 });
  await page.click(`[data-testid="${testId}"]`);
}

/** The popup's lines: "<state word>|<text>" per call. */
async function lines(): Promise<string[]> {
  return (await front()).$$eval('[data-testid="line"]', (els) => els.map((el) => `${el.getAttribute('data-state')}|${el.textContent}`));
}

async function waitForLines(check: (lines: string[]) => boolean, what: string, timeout = 10_000): Promise<string[]> {
  let last: string[] = [];
  await waitUntil(async () => check((last = await lines())), timeout, `${what} (lines: ${JSON.stringify(last)})`).catch((error: unknown) => {
    throw new Error(`${String(error)}; lines now: ${JSON.stringify(last)}`);
  });
  return last;
}

/** Audio energy a peer received over `ms` (Dialable's fake microphone beeps; a held call sends silence). */
async function energy(peer: Peer, ms = 1_500): Promise<number> {
  const before = (await peer.stats()).totalAudioEnergy;
  await new Promise((r) => setTimeout(r, ms));
  return (await peer.stats()).totalAudioEnergy - before;
}

async function callA(): Promise<void> {
  await dial(A.user);
  await peerA.waitFor((s) => s.callState === 'established', 15_000, 'A answers');
  await waitForText(await front(), 'call-state', /^Connected/, 10_000);
}

describe('two lines, transfer with consultation, conference (Chrome)', () => {
  test('call waiting: a second caller rings softly instead of busy; answering holds the first; swap; a third caller hears busy', async () => {
    await callA();
    const outcome = peerB.call('alice');
    await waitForLines((l) => l.length === 2 && l.some((x) => x.startsWith('Incoming call|')), 'the second caller as a line');
    expect((await peerB.snapshot()).callState).toBe('calling');
    await press('answer');
    expect((await outcome).ok).toBe(true);
    await peerA.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'A held by a re-INVITE');
    await waitForLines((l) => l.some((x) => x.startsWith('On hold|') && x.includes('7946 0959')) && l.some((x) => x.startsWith('Connected|') && x.includes('7946 0960')), 'A held, B live');
    // Audio only in the live call: B hears Dialable's microphone, A (held) hears nothing.
    expect(await energy(peerB)).toBeGreaterThan(0);
    expect(await energy(peerA)).toBe(0);

    await press('swap');
    await peerB.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'B held');
    await peerA.waitFor((s) => s.remoteDirection === 'sendrecv', 10_000, 'A back');
    await waitForLines((l) => l.some((x) => x.startsWith('Connected|') && x.includes('7946 0959')), 'A live again');
    expect(await energy(peerA)).toBeGreaterThan(0);
    expect(await energy(peerB)).toBe(0);

    // Both lines in use: a third caller hears busy.
    const third = await bed.peer.call('alice');
    expect(third).toMatchObject({ ok: false, status: 486 });
  });

  test('a second call placed from the keypad while in a call holds the first one', async () => {
    await callA();
    await dial(B.user);
    await peerB.waitFor((s) => s.callState === 'established', 15_000, 'B answers');
    await peerA.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'A held first');
    await waitForLines((l) => l.length === 2 && l.some((x) => x.startsWith('Connected|') && x.includes('7946 0960')), 'B live');
    // Hanging up the live call leaves the held one.
    await peerB.hangup();
    await waitForLines((l) => l.length === 0, 'one call left (no line list)');
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
    await typeInto('transfer-input', B.user);
    await press('consult');
    await peerA.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'A on hold during the consultation');
    await peerB.waitFor((s) => s.callState === 'established', 15_000, 'B answers the consult call');
    await press('complete-transfer');
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
    await typeInto('transfer-input', B.user);
    await press('consult');
    await peerB.waitFor((s) => s.callState === 'established', 15_000, 'B answers the consult call');
    await peerB.setMode('busy');
    try {
      await press('complete-transfer');
      await waitForText(await front(), 'message', /The transfer did not work \(SIP\/2\.0 486/, 15_000);
      await peerA.waitFor((s) => s.remoteDirection === 'sendrecv', 10_000, 'A resumed');
      await peerB.waitFor((s) => s.remoteDirection === 'sendonly', 10_000, 'B waits on hold');
      await waitForLines((l) => l.some((x) => x.startsWith('Connected|') && x.includes('7946 0959')), 'A live again');
    } finally {
      await peerB.setMode('answer');
    }
  });

  test('cancelling the consultation ends the consult call and gives the first caller back', async () => {
    await callA();
    const page = await front();
    await typeInto('transfer-input', B.user);
    await press('consult');
    await peerB.waitFor((s) => s.callState === 'established', 15_000, 'B answers the consult call');
    await press('cancel-consult');
    await peerB.waitFor((s) => s.callState === 'terminated', 10_000, 'the consult call ended');
    await peerA.waitFor((s) => s.remoteDirection === 'sendrecv', 10_000, 'A resumed');
    await waitForText(page, 'call-state', /^Connected/, 10_000);
  });

  test('conference: merge two calls, each hears the other; one hangs up and the other call stays live', async () => {
    await callA();
    await dial(B.user);
    await peerB.waitFor((s) => s.callState === 'established', 15_000, 'B answers');
    // Before the merge A is on hold and hears nothing of B.
    expect(await peerA.hears(B.tone)).toBeLessThan(SILENT_DBFS);
    await press('merge');
    await waitForLines((l) => l.length === 2 && l.every((x) => x.startsWith('Conference|')), 'both calls in the conference');
    expect(await testIdText(popup, 'call-state')).toMatch(/^Conference/);
    await peerA.waitFor((s) => s.remoteDirection === 'sendrecv', 10_000, 'A off hold');
    expect(await peerA.hears(B.tone)).toBeGreaterThan(HEARD_DBFS);
    expect(await peerB.hears(A.tone)).toBeGreaterThan(HEARD_DBFS);
    // Dialable's own microphone still reaches both.
    expect(await energy(peerA)).toBeGreaterThan(0);

    await peerB.hangup();
    await waitForText(await front(), 'call-state', /^Connected/, 10_000);
    expect((await peerA.snapshot()).callState).toBe('established');
    let level = 0;
    await waitUntil(async () => (level = await peerA.hears(B.tone)) < SILENT_DBFS, 5_000, `B's tone to leave A's call (now ${level} dBFS)`);
    expect(await energy(peerA)).toBeGreaterThan(0);
  });
});
