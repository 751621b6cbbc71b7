/**
 * `npm run bench`, second part: how long a click takes to become a call, against a bare sip.js page calling the
 * same auto-answering peer through the same Kamailio in the same Chromium run, and how much memory the offscreen
 * engine holds. Prints one line per figure with its target and PASS/MISS (test/bench/report.ts) and writes
 * test/artifacts/call-bench.json. Speed never fails the process; only a broken set-up does.
 *
 * Clocks: every page stamps events with `performance.timeOrigin + performance.now()` (epoch ms, sub-ms), so the
 * click (in the clicked page), the INVITE (at the peer) and the 200 OK (at the caller: Dialable's offscreen
 * document or the bare page) are compared on one time line. The bench checks how far the pages' clocks disagree.
 *
 * Callers, in rotating order each run: Dialable (trusted click on a linked number), the bare page as sip.js does it
 * (waits for ICE gathering to complete: the target's baseline), and the bare page with the engine's ICE shortcut
 * (background/engine/host-candidates.ts), which leaves the extension's own overhead. One warm-up call each first
 * (reported, not in the medians), then COLD_RUNS Dialable calls each right after the service worker was stopped.
 * Between calls nobody holds the microphone: the bench counts live microphone tracks in the offscreen document.
 */
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { launchChromium } from '../e2e/support/chromium';
import { CHROME_DIST, EXTENSION_ORIGIN, offscreenPage, setSettings, stopServiceWorker } from '../e2e/support/extension';
import { startFixtureServer } from '../e2e/support/fixture-server';
import { startStaticServer, type StaticServer } from '../e2e/support/static-server';
import { startKamailio, type Kamailio } from '../e2e/sip/kamailio';
import { openPeer, PEER_DIR, SIPJS_DIR, type Peer, type SipLogEntry } from '../e2e/sip/peer-page';
import { INSTRUMENT_ENGINE } from './call-probes';
import { measureHangupFlood } from './measure-hangup-flood';
import { measureRetrySpread } from './measure-retry-spread';
import { closeBrowser } from './close-browser';
import { median } from './measured-page';
import { fmt, judge, renderTable, writeJson, type Figure } from './report';

const RUNS = 9;
/** Further Dialable calls, each right after the service worker was stopped. */
const COLD_RUNS = 3;
const ARTIFACT = 'test/artifacts/call-bench.json';
const NUMBER = '+442079460958';
const USERS = { alice: 'alice-secret', bare: 'bare-secret', scratch: 'scratch-secret', [NUMBER]: 'peer-secret' };
const BARE_DIR = fileURLToPath(new URL('./bare-caller/', import.meta.url));
/** Pause between calls, so one call's teardown never overlaps the next one's set-up. */
const GAP_MS = 400;

interface LogLine {
  at: number;
  dir: 'in' | 'out';
  line: string;
  cseq: string;
}

interface CallRun {
  /** bare-ice: the bare page with Dialable's ICE gathering shortcut (isolates the extension's own overhead). */
  caller: 'dialable' | 'bare' | 'bare-ice';
  clickAt: number;
  /** Click → the caller's first INVITE leaves (media, offer and ICE gathering done). */
  firstInviteOutMs: number | null;
  /** Click → the (authenticated) INVITE arrives at the peer. */
  inviteAtPeerMs: number | null;
  /** Click → the peer sends 200 OK. */
  okSentMs: number | null;
  /** Click → the caller receives 200 OK: the call is connected. */
  okAtCallerMs: number | null;
  /** Click → the engine's dial() is entered: content script → service worker → offscreen document (Dialable). */
  dialMs?: number | null;
  /** Click → getUserMedia is called. */
  microphoneAskedMs: number | null;
  /** How long getUserMedia took to resolve. */
  microphoneMs: number | null;
  /** The service worker had been stopped before the click (as Chrome does after 30 s idle). */
  coldWorker?: boolean;
  /** Live microphone tracks in the offscreen document once the call is over (Dialable runs). */
  liveTracksAfter?: number;
}

interface Mark {
  what: 'dial' | 'getUserMedia' | 'microphone';
  at: number;
}

/** Structural view of the offscreen page's globals used here (the engine is not typed for page functions). */
type OffscreenWindow = {
  dialableEngine: {
    snapshot(): { calls: { state: string }[]; registration: { state: string } };
    act(callId: undefined, action: { action: 'hangup' }): Promise<{ ok: boolean }>;
    saveAccount(account: unknown): Promise<{ registered: boolean; message: string }>;
  };
  benchLog?: LogLine[];
  benchMarks?: Mark[];
  benchTracks?: MediaStreamTrack[];
};
type BareWindow = {
  bare: {
    start(): Promise<void>;
    hangup(): Promise<void>;
    setHostShortcut(on: boolean): void;
    clearLog(): void;
    snapshot(): { callState: string; clickedAt: number | null; sipLog: LogLine[]; marks: Mark[]; errors: string[] };
  };
};
type ClickWindow = { benchClickAt?: number };

const started = Date.now();
const progress = (text: string): void => console.log(`· ${text}`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let sip: Kamailio | undefined;
let fixtures: StaticServer | undefined;
let pages: StaticServer | undefined;
let browser: Browser | undefined;

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`call bench: timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

const isInvite = (e: LogLine | SipLogEntry): boolean => e.line.startsWith('INVITE ');
const isInviteOk = (e: LogLine | SipLogEntry): boolean => e.line.startsWith('SIP/2.0 200') && e.cseq.endsWith('INVITE');
/** First entry after `from` that matches; its distance from `from` in ms. */
function after<T extends { at: number; dir: string }>(log: T[], from: number, dir: 'in' | 'out', match: (e: T) => boolean): number | null {
  const entry = log.find((e) => e.at >= from && e.dir === dir && match(e));
  return entry ? entry.at - from : null;
}

/** Distance from `from` to the first mark `what` at or after it. */
function markAfter(marks: Mark[], from: number, what: Mark['what']): number | null {
  const mark = marks.find((m) => m.at >= from && m.what === what);
  return mark ? mark.at - from : null;
}

function microphone(marks: Mark[], clickAt: number): Pick<CallRun, 'microphoneAskedMs' | 'microphoneMs'> {
  const asked = markAfter(marks, clickAt, 'getUserMedia');
  const got = markAfter(marks, clickAt, 'microphone');
  return { microphoneAskedMs: asked, microphoneMs: asked !== null && got !== null ? got - asked : null };
}

/** The offscreen document's memory: GC first, so the figure is what stays, not garbage waiting to be collected. */
async function heapUsed(cdp: CDPSession): Promise<{ jsHeapUsed: number; jsHeapTotal: number; documents: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { jsHeapUsed: get('JSHeapUsedSize'), jsHeapTotal: get('JSHeapTotalSize'), documents: get('Documents'), nodes: get('Nodes') };
}

try {
  sip = await startKamailio({ users: USERS });
  fixtures = await startFixtureServer();
  pages = await startStaticServer({ '/peer/': PEER_DIR, '/bare/': BARE_DIR, '/node_modules/sip.js/': SIPJS_DIR });
  browser = await launchChromium({ extensionDir: CHROME_DIST });
  // What a user has after allowing the microphone on the welcome page; the peer and the bare page get it too.
  await browser.defaultBrowserContext().overridePermissions(EXTENSION_ORIGIN, ['microphone']);
  await browser.defaultBrowserContext().overridePermissions(pages.url, ['microphone']);
  await setSettings(browser, { defaultCountry: 'GB' });

  const peer: Peer = await openPeer(browser, pages, sip, { user: NUMBER, password: USERS[NUMBER], mode: 'answer', answerDelay: 0 });
  const registered = await peer.register();
  if (!registered.ok) throw new Error(`the peer could not register: ${registered.status} ${registered.reason}`);

  const offscreen = await offscreenPage(browser);
  // The target shows up before the document's module script has run.
  await offscreen.waitForFunction(() => 'dialableEngine' in globalThis, { timeout: 10_000, polling: 50 });
  const saved = await offscreen.evaluate(
    (account) => (globalThis as unknown as OffscreenWindow).dialableEngine.saveAccount(account),
    { server: sip.wsUrl, username: 'alice', domain: sip.domain, authUsername: '', password: USERS.alice, displayName: '', iceServers: [], register: true },
  );
  if (!saved.registered) throw new Error(`Dialable did not register: ${saved.message}`);
  // Test instrumentation only: SIP message stamps and the microphone tracks the engine opens (call-probes.ts).
  await offscreen.evaluate(INSTRUMENT_ENGINE);
  const offscreenCdp = await offscreen.createCDPSession();
  await offscreenCdp.send('Performance.enable');

  const openBare = async (user: 'bare' | 'scratch'): Promise<Page> => {
    const params = new URLSearchParams({ ws: sip!.wsUrl, user, password: USERS[user], domain: sip!.domain, target: `sip:${NUMBER}@${sip!.domain}` });
    const page = await browser!.newPage();
    await page.goto(`${pages!.url}/bare/bare-caller.html?${params}`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', { timeout: 10_000 });
    await page.evaluate(() => (window as unknown as BareWindow).bare.start());
    return page;
  };
  const bare = await openBare('bare');
  // Only for the scratch call below, which warms up the peer.
  const scratch = await openBare('scratch');

  const LINK = '#plain a[data-dialable]:not([data-dialable-part])';
  /**
   * The page with the number, in a new tab: a tab may place 5 calls a minute (src/call/page-dial-limit.ts), and the
   * bench places more, so each Dialable call gets its own tab.
   */
  const openClicks = async (): Promise<Page> => {
    const page = await browser!.newPage();
    await page.goto(`${fixtures!.url}/interactive/clicks.html`);
    await page.waitForSelector(LINK, { timeout: 10_000 });
    await page.evaluate(() => {
      // The page's own listener (main world) stamps the trusted click; the content script's listener sees the same event.
      addEventListener('click', (event) => ((window as unknown as ClickWindow).benchClickAt = performance.timeOrigin + event.timeStamp), { capture: true });
    });
    return page;
  };
  let clicks = await openClicks();

  // How far the pages' clocks can disagree: each page reads its clock in turn, bracketed by two reads of the clicked
  // page's clock. When both lie inside the bracket, no clock is off by more than the bracket's width.
  const skew = async (): Promise<number> => {
    const read = (p: Page) => p.evaluate(() => performance.timeOrigin + performance.now());
    let bound = Infinity;
    for (let i = 0; i < 5; i++) {
      const a = await read(clicks);
      const inner = [await read(peer.page), await read(offscreen), await read(bare)];
      const d = await read(clicks);
      const outside = Math.max(0, ...inner.map((t) => Math.max(a - t, t - d)));
      bound = Math.min(bound, (d - a) + outside);
    }
    return bound;
  };
  const clockSkewMs = await skew();

  await sleep(2_000); // registration traffic over, GC settles
  const idleMemory = await heapUsed(offscreenCdp);
  let callMemory: Awaited<ReturnType<typeof heapUsed>> | undefined;

  const peerLog = async (): Promise<SipLogEntry[]> => (await peer.snapshot()).sipLog;

  async function dialableCall(measureMemory: boolean, coldWorker = false): Promise<CallRun> {
    const previous = clicks;
    clicks = await openClicks();
    await previous.close();
    await clicks.bringToFront();
    await offscreen.evaluate(() => {
      const w = globalThis as unknown as OffscreenWindow;
      w.benchLog = [];
      w.benchMarks = [];
    });
    if (coldWorker) {
      await stopServiceWorker(offscreen);
      await sleep(500);
    }
    const link = await clicks.waitForSelector(LINK);
    await link!.click();
    const clickAt = await until('the click stamp', () => clicks.evaluate(() => (window as unknown as ClickWindow).benchClickAt));
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered Dialable');
    const log = await until('200 OK at Dialable', async () => {
      const entries = await offscreen.evaluate(() => (globalThis as unknown as OffscreenWindow).benchLog ?? []);
      return entries.some(isInviteOk) ? entries : undefined;
    });
    if (measureMemory) {
      await sleep(1_000); // media flowing
      callMemory = await heapUsed(offscreenCdp);
    }
    const atPeer = await peerLog();
    const marks = await offscreen.evaluate(() => (globalThis as unknown as OffscreenWindow).benchMarks ?? []);
    await offscreen.evaluate(() => (globalThis as unknown as OffscreenWindow).dialableEngine.act(undefined, { action: 'hangup' }));
    await peer.waitFor((s) => s.callState === 'terminated', 5_000, 'the BYE from Dialable');
    await until('Dialable idle', () =>
      offscreen.evaluate(() => (globalThis as unknown as OffscreenWindow).dialableEngine.snapshot().calls.every((c) => c.state === 'ended' || c.state === 'failed')),
    );
    await clicks.evaluate(() => void ((window as unknown as ClickWindow).benchClickAt = undefined));
    await sleep(100); // track.stop() runs as the session description handler closes
    const liveTracksAfter = await offscreen.evaluate(
      () => ((globalThis as unknown as OffscreenWindow).benchTracks ?? []).filter((t) => t.readyState === 'live').length,
    );
    return {
      caller: 'dialable',
      clickAt,
      firstInviteOutMs: after(log, clickAt, 'out', isInvite),
      inviteAtPeerMs: after(atPeer, clickAt, 'in', isInvite),
      okSentMs: after(atPeer, clickAt, 'out', isInviteOk),
      okAtCallerMs: after(log, clickAt, 'in', isInviteOk),
      dialMs: markAfter(marks, clickAt, 'dial'),
      ...microphone(marks, clickAt),
      ...(coldWorker ? { coldWorker } : {}),
      liveTracksAfter,
    };
  }

  async function bareCall(shortcut = false, page = bare): Promise<CallRun> {
    await page.bringToFront();
    await page.evaluate((on) => {
      const b = (window as unknown as BareWindow).bare;
      b.clearLog();
      b.setHostShortcut(on);
    }, shortcut);
    await page.click('#call');
    await peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered the bare page');
    const state = await until('200 OK at the bare page', async () => {
      const s = await page.evaluate(() => (window as unknown as BareWindow).bare.snapshot());
      return s.sipLog.some(isInviteOk) && s.clickedAt !== null ? s : undefined;
    });
    const atPeer = await peerLog();
    await page.evaluate(() => (window as unknown as BareWindow).bare.hangup());
    await peer.waitFor((s) => s.callState === 'terminated', 5_000, 'the BYE from the bare page');
    await until('bare page idle', () => page.evaluate(() => (window as unknown as BareWindow).bare.snapshot().callState === 'terminated'));
    const clickAt = state.clickedAt as number;
    return {
      caller: shortcut ? 'bare-ice' : 'bare',
      clickAt,
      firstInviteOutMs: after(state.sipLog, clickAt, 'out', isInvite),
      inviteAtPeerMs: after(atPeer, clickAt, 'in', isInvite),
      okSentMs: after(atPeer, clickAt, 'out', isInviteOk),
      okAtCallerMs: after(state.sipLog, clickAt, 'in', isInviteOk),
      ...microphone(state.marks, clickAt),
    };
  }

  // The browser's first getUserMedia opens the (fake) capture device, which takes seconds here, and the peer's first
  // answer pays for its own first peer connection: one scratch call from a third page, so that the first-call figures
  // of both callers start from the same warm peer and device.
  await bareCall(false, scratch);
  await sleep(GAP_MS);
  const warmUp = { dialable: await dialableCall(false), bare: await bareCall() };
  await sleep(GAP_MS);
  await bareCall(true);
  await sleep(GAP_MS);
  progress(`warm-up: Dialable ${fmt(warmUp.dialable.okAtCallerMs, 'ms')} ms, bare ${fmt(warmUp.bare.okAtCallerMs, 'ms')} ms to 200 OK`);
  const runs: CallRun[] = [];
  const callers = ['dialable', 'bare', 'bare-ice'] as const;
  for (let i = 0; i < RUNS; i++) {
    // Rotate the order, so no caller always follows the same one's teardown.
    const order = callers.map((_, k) => callers[(i + k) % callers.length] as CallRun['caller']);
    for (const who of order) {
      runs.push(who === 'dialable' ? await dialableCall(i === Math.floor(RUNS / 2)) : await bareCall(who === 'bare-ice'));
      await sleep(GAP_MS);
    }
    const last = runs.slice(-callers.length);
    progress(`run ${i + 1}/${RUNS}: ${last.map((r) => `${r.caller} INVITE ${fmt(r.inviteAtPeerMs, 'ms')} / 200 OK ${fmt(r.okAtCallerMs, 'ms')} ms`).join(', ')}`);
  }

  const coldRuns: CallRun[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    coldRuns.push(await dialableCall(false, true));
    await sleep(GAP_MS);
    progress(`worker stopped ${i + 1}/${COLD_RUNS}: dial() after ${fmt(coldRuns[i]?.dialMs, 'ms')} ms, 200 OK ${fmt(coldRuns[i]?.okAtCallerMs, 'ms')} ms`);
  }

  const hangup = await measureHangupFlood(browser, fixtures, peer, NUMBER);
  progress(`hang-up → BYE: ${hangup.quietMs.map((ms) => fmt(ms, 'ms')).join(', ')} ms quiet; ${hangup.floodMs.map((ms) => fmt(ms, 'ms')).join(', ')} ms while a tab floods page:scan`);

  type Key = 'firstInviteOutMs' | 'inviteAtPeerMs' | 'okSentMs' | 'okAtCallerMs' | 'dialMs' | 'microphoneAskedMs' | 'microphoneMs';
  const of = (caller: CallRun['caller'], key: Key, from: CallRun[] = runs): number =>
    median(from.filter((r) => r.caller === caller).map((r) => r[key] ?? Number.NaN));
  /** Click → 200 OK without the peer's own answer time (INVITE in → 200 OK out at the peer): the caller's share. */
  const callerShare = (caller: CallRun['caller']): number =>
    median(
      runs
        .filter((r) => r.caller === caller)
        .map((r) => (r.okAtCallerMs ?? Number.NaN) - ((r.okSentMs ?? Number.NaN) - (r.inviteAtPeerMs ?? Number.NaN))),
    );
  const d = { firstInviteOut: of('dialable', 'firstInviteOutMs'), invite: of('dialable', 'inviteAtPeerMs'), okSent: of('dialable', 'okSentMs'), ok: of('dialable', 'okAtCallerMs') };
  const b = { firstInviteOut: of('bare', 'firstInviteOutMs'), invite: of('bare', 'inviteAtPeerMs'), okSent: of('bare', 'okSentMs'), ok: of('bare', 'okAtCallerMs') };
  const bi = { firstInviteOut: of('bare-ice', 'firstInviteOutMs'), invite: of('bare-ice', 'inviteAtPeerMs'), ok: of('bare-ice', 'okAtCallerMs') };
  const liveTracks = Math.max(0, ...[...runs, ...coldRuns].flatMap((r) => (r.liveTracksAfter === undefined ? [] : [r.liveTracksAfter])));

  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
  const retrySpread = measureRetrySpread();
  const figures: Figure[] = [
    {
      name: 'click → 200 OK',
      measured: d.ok,
      unit: 'ms',
      baseline: { label: 'bare sip.js', value: b.ok, unit: 'ms' },
      ratio: d.ok / b.ok,
      target: { on: 'ratio', op: '<=', limit: 1.2 },
    },
    {
      name: 'click → INVITE at peer',
      measured: d.invite,
      unit: 'ms',
      baseline: { label: 'bare sip.js', value: b.invite, unit: 'ms' },
      ratio: d.invite / b.invite,
      target: { on: 'measured', op: '<=', limit: 200 },
    },
    {
      name: 'click → 200 OK − peer’s answer',
      measured: callerShare('dialable'),
      unit: 'ms',
      baseline: { label: 'bare sip.js', value: callerShare('bare'), unit: 'ms' },
      ratio: callerShare('dialable') / callerShare('bare'),
      note: 'the caller’s share: the peer runs in the same browser, and its answer time varies with the machine’s load',
    },
    {
      name: 'click → 200 OK, same ICE',
      measured: d.ok,
      unit: 'ms',
      baseline: { label: 'bare + ICE shortcut', value: bi.ok, unit: 'ms' },
      ratio: d.ok / bi.ok,
      note: 'against the bare page with the engine’s ICE shortcut: the extension’s own overhead',
    },
    {
      name: 'click → INVITE, same ICE',
      measured: d.invite,
      unit: 'ms',
      baseline: { label: 'bare + ICE shortcut', value: bi.invite, unit: 'ms' },
      ratio: d.invite / bi.invite,
    },
    {
      name: 'click → first INVITE sent',
      measured: d.firstInviteOut,
      unit: 'ms',
      baseline: { label: 'bare sip.js', value: b.firstInviteOut, unit: 'ms' },
      ratio: d.firstInviteOut / b.firstInviteOut,
      note: 'media, offer and ICE gathering before the INVITE (then 407 and the INVITE with credentials)',
    },
    {
      name: 'click → engine dial()',
      measured: of('dialable', 'dialMs'),
      unit: 'ms',
      baselineText: 'bare: none (same page)',
      note: 'content script → service worker → offscreen document',
    },
    {
      name: 'click → getUserMedia',
      measured: of('dialable', 'microphoneAskedMs'),
      unit: 'ms',
      baseline: { label: 'bare sip.js', value: of('bare', 'microphoneAskedMs'), unit: 'ms' },
    },
    {
      name: 'getUserMedia',
      measured: of('dialable', 'microphoneMs'),
      unit: 'ms',
      baseline: { label: 'bare sip.js', value: of('bare', 'microphoneMs'), unit: 'ms' },
      note: 'the microphone is opened per call and closed after it',
    },
    {
      name: 'INVITE → 200 OK sent (peer)',
      measured: d.okSent - d.invite,
      unit: 'ms',
      baseline: { label: 'bare sip.js', value: b.okSent - b.invite, unit: 'ms' },
      note: 'the peer’s own answer time: the same for both callers',
    },
    {
      name: 'first call → 200 OK',
      measured: warmUp.dialable.okAtCallerMs,
      unit: 'ms',
      baseline: { label: 'bare sip.js', value: warmUp.bare.okAtCallerMs, unit: 'ms' },
      ratio: (warmUp.dialable.okAtCallerMs ?? Number.NaN) / (warmUp.bare.okAtCallerMs ?? Number.NaN),
      note: 'each caller’s first call (peer and capture device warmed by a scratch call), not in the medians',
    },
    {
      name: 'click → 200 OK, worker stopped',
      measured: of('dialable', 'okAtCallerMs', coldRuns),
      unit: 'ms',
      measuredText: `${fmt(of('dialable', 'okAtCallerMs', coldRuns), 'ms')} ms (dial() after ${fmt(of('dialable', 'dialMs', coldRuns), 'ms')} ms)`,
      baseline: { label: 'bare sip.js', value: b.ok, unit: 'ms' },
      ratio: of('dialable', 'okAtCallerMs', coldRuns) / b.ok,
      note: 'the click wakes the service worker, as after 30 s idle',
    },
    {
      name: 'offscreen JS heap, idle',
      measured: idleMemory.jsHeapUsed,
      unit: 'B',
      measuredText: `${kb(idleMemory.jsHeapUsed)} (${idleMemory.nodes} nodes)`,
      baselineText: `heap total ${kb(idleMemory.jsHeapTotal)}`,
    },
    {
      name: 'offscreen JS heap, in a call',
      measured: callMemory?.jsHeapUsed ?? null,
      unit: 'B',
      measuredText: callMemory ? `${kb(callMemory.jsHeapUsed)} (${callMemory.nodes} nodes)` : '–',
      baselineText: callMemory ? `idle ${kb(idleMemory.jsHeapUsed)}, +${kb(callMemory.jsHeapUsed - idleMemory.jsHeapUsed)}` : '',
    },
    {
      name: 'hang-up → BYE at peer, a tab flooding page:scan',
      measured: median(hangup.floodMs),
      unit: 'ms',
      baseline: { label: 'no flood', value: median(hangup.quietMs), unit: 'ms' },
      ratio: median(hangup.floodMs) / median(hangup.quietMs),
      target: { on: 'measured', op: '<=', limit: 100 },
      note: `4 MB of slow-to-match text rewritten every second (flood.html, ${hangup.floodRounds} rewrites)`,
    },
    {
      name: '50 clients losing one server: spread of their first retries',
      measured: retrySpread.min,
      unit: 'ms',
      measuredText: `${fmt(retrySpread.min, 'ms')} ms smallest, ${fmt(retrySpread.median, 'ms')} ms median`,
      target: { on: 'measured', op: '>=', limit: 5_000 },
      note: '1,000 simulated outages with the engine\'s backoff (src/call/backoff.ts)',
    },
    {
      name: 'microphone tracks live between calls',
      measured: liveTracks,
      unit: 'count',
      target: { on: 'measured', op: '==', limit: 0 },
    },
  ];

  const chromium = await browser.version();
  const seconds = (Date.now() - started) / 1000;
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(
    `\nDialable call bench — ${chromium}, Kamailio over ws:// on loopback, ${RUNS} calls each (medians; ${COLD_RUNS} more with the worker stopped), ${seconds.toFixed(0)} s, load average ${load}`,
  );
  if ((loadavg()[0] ?? 0) > availableParallelism()) {
    console.log(`Warning: load average above the ${availableParallelism()} cores — other processes compete for the CPU; expect noisy figures.`);
  }
  console.log(`${renderTable(figures)}\n`);
  console.log('Times from the trusted click (page clock) to the SIP message at the peer or the caller (their clocks);');
  console.log(`the pages' clocks agree within ${fmt(clockSkewMs, 'ms')} ms. Bare sip.js = a plain 127.0.0.1 page, same sip.js, same peer,`);
  console.log('waiting for ICE gathering as sip.js does; "+ ICE shortcut" = the same page sending its SDP once the UDP host');
  console.log('candidates are in, as Dialable\'s engine does without STUN/TURN (background/engine/host-candidates.ts).');
  console.log('Memory: JSHeapUsedSize of the offscreen document after a forced GC (CDP Performance.getMetrics).');
  writeJson(ARTIFACT, {
    date: new Date().toISOString(),
    chromium,
    seconds,
    loadAverage: loadavg(),
    runs: RUNS,
    clockSkewMs,
    warmUp,
    calls: runs,
    coldWorkerCalls: coldRuns,
    memory: { idle: idleMemory, inCall: callMemory },
    hangup,
    figures: figures.map((f) => ({ ...f, ...judge(f) })),
  });
  console.log(`Written to ${ARTIFACT}`);
} finally {
  if (browser) await closeBrowser(browser);
  await Promise.all([fixtures?.close(), pages?.close(), sip?.stop()].map((p) => p?.catch(() => undefined)));
}
