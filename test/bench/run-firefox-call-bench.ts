/**
 * `npm run bench`, Firefox calls: click → INVITE at the peer and click → 200 OK in Firefox ESR, where the engine runs
 * in the phone window, against Dialable's own Chrome figure from the call bench of the same `npm run bench`
 * (test/artifacts/call-bench.json, written just before). Calls right after the event page was suspended are measured
 * separately. Between calls nobody holds the microphone. Writes test/artifacts/firefox-call-bench.json; speed never
 * fails the process, only a broken set-up does.
 *
 * Clocks as in run-call-bench.ts: the clicked page, the phone window and the peer stamp events with
 * `performance.timeOrigin + performance.now()`. The phone window's heap comes from Firefox's memory reporter
 * (firefox-window-memory.ts): WebDriver BiDi has no heap figure for a page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from 'puppeteer-core';
import { findFirefoxPage, newWindowPage } from '../e2e/support/firefox';
import { startFirefoxBed } from '../e2e/support/firefox-bed';
import { waitUntil } from '../e2e/support/wait-until';
import { INSTRUMENT_ENGINE } from './call-probes';
import { firefoxWindowMemory, type WindowMemory } from './firefox-window-memory';
import { median } from './measured-page';
import { renderTable, writeJson, type Figure } from './report';

const RUNS = 7;
const SUSPENDED_RUNS = 2;
const ARTIFACT = 'test/artifacts/firefox-call-bench.json';
const CHROME_ARTIFACT = 'test/artifacts/call-bench.json';
const PHONE = 'background/phone-window/phone.html';
/** The event page's idle time in this profile: a suspension is waited for, not assumed. */
const EVENT_PAGE_IDLE_MS = 5_000;

interface Line {
  at: number;
  dir: string;
  line: string;
  cseq: string;
}
interface Run {
  suspended: boolean;
  inviteAtPeerMs: number | null;
  okAtCallerMs: number | null;
  liveTracksAfter: number;
  /** Where the time to the INVITE goes: the engine's dial() entered, getUserMedia asked and resolved, INVITE sent. */
  dialMs: number | null;
  microphoneAskedMs: number | null;
  microphoneMs: number | null;
  firstInviteOutMs: number | null;
}
interface Mark {
  what: 'dial' | 'getUserMedia' | 'microphone';
  at: number;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const isInvite = (e: Line): boolean => e.line.startsWith('INVITE ');
const isInviteOk = (e: Line): boolean => e.line.startsWith('SIP/2.0 200') && e.cseq.endsWith('INVITE');
const after = (log: Line[], from: number, dir: string, match: (e: Line) => boolean): number | null => {
  const entry = log.find((e) => e.at >= from && e.dir === dir && match(e));
  return entry ? entry.at - from : null;
};
const markAfter = (marks: Mark[], from: number, what: Mark['what']): number | null => {
  const mark = marks.find((m) => m.at >= from && m.what === what);
  return mark ? mark.at - from : null;
};

interface ChromeFigures {
  invite: number | null;
  ok: number | null;
  firstInviteOut: number | null;
  dial: number | null;
  microphoneAsked: number | null;
  microphone: number | null;
}

/** Dialable's medians in Chrome from this bench run (click → INVITE, → 200 OK and their steps), if the Chrome part wrote them. */
function chromeFigures(): ChromeFigures {
  if (!existsSync(CHROME_ARTIFACT)) return { invite: null, ok: null, firstInviteOut: null, dial: null, microphoneAsked: null, microphone: null };
  const { figures } = JSON.parse(readFileSync(CHROME_ARTIFACT, 'utf8')) as { figures: { name: string; measured: number | null }[] };
  const find = (name: string) => figures.find((f) => f.name === name)?.measured ?? null;
  return {
    invite: find('click → INVITE at peer'),
    ok: find('click → 200 OK'),
    firstInviteOut: find('click → first INVITE sent'),
    dial: find('click → engine dial()'),
    microphoneAsked: find('click → getUserMedia'),
    microphone: find('getUserMedia'),
  };
}

const started = Date.now();
const bed = await startFirefoxBed({ popup: false, eventPageIdleMs: EVENT_PAGE_IDLE_MS });
try {
  const phone = await findFirefoxPage(bed.browser, PHONE);
  await phone.evaluate(INSTRUMENT_ENGINE);
  const eventPageAwake = () => phone.evaluate(() => chrome.extension.getViews().some((w) => w.location.pathname === '/_generated_background_page.html'));

  let inCall: WindowMemory | undefined;
  const call = async (suspended: boolean, readMemory = false): Promise<Run> => {
    const page: Page = await newWindowPage(bed.browser);
    await page.goto(`${bed.fixtures.url}/interactive/clicks.html`);
    const link = await page.waitForSelector('#plain a[data-dialable]:not([data-dialable-part])', { timeout: 10_000 });
    await page.evaluate(`document.addEventListener('click', (e) => { window.benchClickAt = performance.timeOrigin + e.timeStamp; }, true)`);
    if (suspended) await waitUntil(async () => !(await eventPageAwake()), EVENT_PAGE_IDLE_MS * 6, 'the event page to be suspended');
    await phone.evaluate('globalThis.benchLog.splice(0); globalThis.benchMarks.splice(0)');
    await link!.click();
    await bed.peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
    if (readMemory) inCall = await firefoxWindowMemory(bed.browser, PHONE);
    await waitUntil(async () => ((await phone.evaluate('globalThis.benchLog')) as Line[]).some(isInviteOk), 10_000, '200 OK at the phone window');
    const clickAt = (await page.evaluate('window.benchClickAt')) as number;
    const log = (await phone.evaluate('globalThis.benchLog')) as Line[];
    const marks = (await phone.evaluate('globalThis.benchMarks')) as Mark[];
    const atPeer = (await bed.peer.snapshot()).sipLog as Line[];
    await bed.peer.hangup();
    await waitUntil(async () => (await phone.evaluate(() => (globalThis as unknown as { dialableEngine: { snapshot(): { calls: { state: string }[] } } }).dialableEngine.snapshot().calls.every((c) => c.state === 'ended' || c.state === 'failed'))), 10_000, 'Dialable idle');
    await page.close();
    await sleep(300); // track.stop() runs as the session description handler closes
    const liveTracksAfter = (await phone.evaluate('(globalThis.benchTracks ?? []).filter((t) => t.readyState === "live").length')) as number;
    const asked = markAfter(marks, clickAt, 'getUserMedia');
    const got = markAfter(marks, clickAt, 'microphone');
    return {
      suspended,
      inviteAtPeerMs: after(atPeer, clickAt, 'in', isInvite),
      okAtCallerMs: after(log, clickAt, 'in', isInviteOk),
      liveTracksAfter,
      dialMs: markAfter(marks, clickAt, 'dial'),
      microphoneAskedMs: asked,
      microphoneMs: asked !== null && got !== null ? got - asked : null,
      firstInviteOutMs: after(log, clickAt, 'out', isInvite),
    };
  };

  await call(false); // warm-up: the first call of a session opens the microphone permission state and the SIP dialog caches
  await sleep(1_000);
  const idle = await firefoxWindowMemory(bed.browser, PHONE);
  await call(false, true); // not among the timed runs: reading memory in the call takes a garbage collection
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await call(false));
  for (let i = 0; i < SUSPENDED_RUNS; i++) runs.push(await call(true));
  for (const r of runs) {
    console.log(`· ${r.suspended ? 'after suspension' : 'warm'}: dial() ${r.dialMs?.toFixed(0)} ms, getUserMedia ${r.microphoneAskedMs?.toFixed(0)} + ${r.microphoneMs?.toFixed(0)} ms, INVITE sent ${r.firstInviteOutMs?.toFixed(0)} ms, at the peer ${r.inviteAtPeerMs?.toFixed(0)} ms, 200 OK ${r.okAtCallerMs?.toFixed(0)} ms`);
  }

  type Key = 'inviteAtPeerMs' | 'okAtCallerMs' | 'dialMs' | 'microphoneAskedMs' | 'microphoneMs' | 'firstInviteOutMs';
  const of = (suspended: boolean, key: Key) => median(runs.filter((r) => r.suspended === suspended).map((r) => r[key] ?? Number.NaN));
  const warm = { invite: of(false, 'inviteAtPeerMs'), ok: of(false, 'okAtCallerMs') };
  const cold = { invite: of(true, 'inviteAtPeerMs'), ok: of(true, 'okAtCallerMs') };
  const inChrome = chromeFigures();
  const ratio = (a: number, b: number | null) => (b ? a / b : null);
  const figures: Figure[] = [
    { name: 'Firefox click → INVITE at peer', measured: warm.invite, unit: 'ms', baseline: { label: 'Dialable in Chrome', value: inChrome.invite, unit: 'ms' }, ratio: ratio(warm.invite, inChrome.invite), target: { on: 'ratio', op: '<=', limit: 1.3 } },
    { name: 'Firefox click → 200 OK', measured: warm.ok, unit: 'ms', baseline: { label: 'Dialable in Chrome', value: inChrome.ok, unit: 'ms' }, ratio: ratio(warm.ok, inChrome.ok) },
    { name: 'Firefox click → INVITE, event page suspended: extra', measured: cold.invite - warm.invite, unit: 'ms', measuredText: `+${(cold.invite - warm.invite).toFixed(0)} ms (${cold.invite.toFixed(0)} ms)`, baseline: { label: 'warm', value: warm.invite, unit: 'ms' }, target: { on: 'measured', op: '<=', limit: 300 } },
    ...steps(inChrome),
    { name: 'Firefox phone window JS heap, idle', measured: idle.js, unit: 'B', measuredText: kb(idle.js), baselineText: `all of the window ${kb(idle.all)}` },
    {
      name: 'Firefox phone window JS heap, in a call',
      measured: inCall?.js ?? null,
      unit: 'B',
      measuredText: inCall ? kb(inCall.js) : '–',
      baselineText: inCall ? `idle ${kb(idle.js)}, ${inCall.js >= idle.js ? '+' : '−'}${kb(Math.abs(inCall.js - idle.js))}` : '',
    },
    { name: 'Firefox microphone tracks live between calls (most seen)', measured: Math.max(...runs.map((r) => r.liveTracksAfter)), unit: 'count', target: { on: 'measured', op: '==', limit: 0 } },
  ];
  /** The warm calls' steps next to Chrome's, so the difference shows where it arises (information, no target). */
  function steps(chrome: ChromeFigures): Figure[] {
    const step = (name: string, key: Key, value: number | null, note: string): Figure => {
      const measured = of(false, key);
      return { name, measured, unit: 'ms', baseline: { label: 'Dialable in Chrome', value, unit: 'ms' }, ratio: ratio(measured, value), note };
    };
    return [
      step('Firefox click → engine dial()', 'dialMs', chrome.dial, 'content script → event page → phone window'),
      step('Firefox click → getUserMedia', 'microphoneAskedMs', chrome.microphoneAsked, 'dial() to the microphone request'),
      step('Firefox getUserMedia', 'microphoneMs', chrome.microphone, 'the microphone is opened per call'),
      step('Firefox click → first INVITE sent', 'firstInviteOutMs', chrome.firstInviteOut, 'offer and ICE gathering before the INVITE'),
    ];
  }
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`\nDialable Firefox calls — ${await bed.browser.version()}, ${RUNS} warm + ${SUSPENDED_RUNS} suspended calls, ${((Date.now() - started) / 1000).toFixed(0)} s, load average ${load}`);
  if ((loadavg()[0] ?? 0) > availableParallelism()) console.log('Warning: load average above the core count; other processes compete for the CPU.');
  if (inChrome.invite === null) console.log(`(No Chrome figures in ${CHROME_ARTIFACT}: run the whole \`npm run bench\` for the ratios.)`);
  console.log(`${renderTable(figures)}\n`);
  writeJson(ARTIFACT, { date: new Date().toISOString(), runs, chrome: inChrome, figures });
  console.log(`Written to ${ARTIFACT}`);
} finally {
  await bed.close();
}
