/**
 * `npm run bench`, Firefox calls: click → INVITE at the peer and click → 200 OK in Firefox ESR, where the engine runs
 * in the phone window, against Dialable's own Chrome figure from the call bench of the same `npm run bench`
 * (test/artifacts/call-bench.json, written just before). Calls right after the event page was suspended are measured
 * separately. Between calls nobody holds the microphone. Writes test/artifacts/firefox-call-bench.json; speed never
 * fails the process, only a broken set-up does.
 *
 * Clocks as in run-call-bench.ts: the clicked page, the phone window and the peer stamp events with
 * `performance.timeOrigin + performance.now()`. Firefox has no heap figure for a page over WebDriver BiDi, so the
 * phone window's memory is not reported here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from 'puppeteer-core';
import { findFirefoxPage, newWindowPage } from '../e2e/support/firefox';
import { startFirefoxBed } from '../e2e/support/firefox-bed';
import { waitUntil } from '../e2e/support/wait-until';
import { INSTRUMENT_ENGINE } from './call-probes';
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
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const isInvite = (e: Line): boolean => e.line.startsWith('INVITE ');
const isInviteOk = (e: Line): boolean => e.line.startsWith('SIP/2.0 200') && e.cseq.endsWith('INVITE');
const after = (log: Line[], from: number, dir: string, match: (e: Line) => boolean): number | null => {
  const entry = log.find((e) => e.at >= from && e.dir === dir && match(e));
  return entry ? entry.at - from : null;
};

/** Dialable's median click → INVITE and click → 200 OK in Chrome from this bench run, if the Chrome part wrote them. */
function chromeFigures(): { invite: number | null; ok: number | null } {
  if (!existsSync(CHROME_ARTIFACT)) return { invite: null, ok: null };
  const { figures } = JSON.parse(readFileSync(CHROME_ARTIFACT, 'utf8')) as { figures: { name: string; measured: number | null }[] };
  const find = (name: string) => figures.find((f) => f.name === name)?.measured ?? null;
  return { invite: find('click → INVITE at peer'), ok: find('click → 200 OK') };
}

const started = Date.now();
const bed = await startFirefoxBed({ popup: false, eventPageIdleMs: EVENT_PAGE_IDLE_MS });
try {
  const phone = await findFirefoxPage(bed.browser, PHONE);
  await phone.evaluate(INSTRUMENT_ENGINE);
  const eventPageAwake = () => phone.evaluate(() => chrome.extension.getViews().some((w) => w.location.pathname === '/_generated_background_page.html'));

  const call = async (suspended: boolean): Promise<Run> => {
    const page: Page = await newWindowPage(bed.browser);
    await page.goto(`${bed.fixtures.url}/interactive/clicks.html`);
    const link = await page.waitForSelector('#plain a[data-dialable]:not([data-dialable-part])', { timeout: 10_000 });
    await page.evaluate(`document.addEventListener('click', (e) => { window.benchClickAt = performance.timeOrigin + e.timeStamp; }, true)`);
    if (suspended) await waitUntil(async () => !(await eventPageAwake()), EVENT_PAGE_IDLE_MS * 6, 'the event page to be suspended');
    await phone.evaluate('globalThis.benchLog.splice(0); globalThis.benchMarks.splice(0)');
    await link!.click();
    await bed.peer.waitFor((s) => s.callState === 'established', 15_000, 'the peer answered');
    await waitUntil(async () => ((await phone.evaluate('globalThis.benchLog')) as Line[]).some(isInviteOk), 10_000, '200 OK at the phone window');
    const clickAt = (await page.evaluate('window.benchClickAt')) as number;
    const log = (await phone.evaluate('globalThis.benchLog')) as Line[];
    const atPeer = (await bed.peer.snapshot()).sipLog as Line[];
    await bed.peer.hangup();
    await waitUntil(async () => (await phone.evaluate(() => (globalThis as unknown as { dialableEngine: { snapshot(): { calls: { state: string }[] } } }).dialableEngine.snapshot().calls.every((c) => c.state === 'ended' || c.state === 'failed'))), 10_000, 'Dialable idle');
    await page.close();
    await sleep(300); // track.stop() runs as the session description handler closes
    const liveTracksAfter = (await phone.evaluate('(globalThis.benchTracks ?? []).filter((t) => t.readyState === "live").length')) as number;
    return { suspended, inviteAtPeerMs: after(atPeer, clickAt, 'in', isInvite), okAtCallerMs: after(log, clickAt, 'in', isInviteOk), liveTracksAfter };
  };

  await call(false); // warm-up: the first call of a session opens the microphone permission state and the SIP dialog caches
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await call(false));
  for (let i = 0; i < SUSPENDED_RUNS; i++) runs.push(await call(true));
  for (const r of runs) console.log(`· ${r.suspended ? 'after suspension' : 'warm'}: INVITE ${r.inviteAtPeerMs?.toFixed(0)} ms, 200 OK ${r.okAtCallerMs?.toFixed(0)} ms`);

  const of = (suspended: boolean, key: 'inviteAtPeerMs' | 'okAtCallerMs') => median(runs.filter((r) => r.suspended === suspended).map((r) => r[key] ?? Number.NaN));
  const warm = { invite: of(false, 'inviteAtPeerMs'), ok: of(false, 'okAtCallerMs') };
  const cold = { invite: of(true, 'inviteAtPeerMs'), ok: of(true, 'okAtCallerMs') };
  const inChrome = chromeFigures();
  const ratio = (a: number, b: number | null) => (b ? a / b : null);
  const figures: Figure[] = [
    { name: 'Firefox click → INVITE at peer', measured: warm.invite, unit: 'ms', baseline: { label: 'Dialable in Chrome', value: inChrome.invite, unit: 'ms' }, ratio: ratio(warm.invite, inChrome.invite), target: { on: 'ratio', op: '<=', limit: 1.3 } },
    { name: 'Firefox click → 200 OK', measured: warm.ok, unit: 'ms', baseline: { label: 'Dialable in Chrome', value: inChrome.ok, unit: 'ms' }, ratio: ratio(warm.ok, inChrome.ok) },
    { name: 'Firefox click → INVITE, event page suspended: extra', measured: cold.invite - warm.invite, unit: 'ms', measuredText: `+${(cold.invite - warm.invite).toFixed(0)} ms (${cold.invite.toFixed(0)} ms)`, baseline: { label: 'warm', value: warm.invite, unit: 'ms' }, target: { on: 'measured', op: '<=', limit: 300 } },
    { name: 'Firefox microphone tracks live between calls (most seen)', measured: Math.max(...runs.map((r) => r.liveTracksAfter)), unit: 'count', target: { on: 'measured', op: '==', limit: 0 } },
  ];
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
