/**
 * A page whose main-thread cost we read over CDP (`Performance.getMetrics` to tell when it is quiet, V8's profiler
 * for what ran) — never by running script in it before the reading, since page.evaluate and waitForFunction would
 * add to what is being measured.
 */
import type { BrowserContext, CDPSession, Page, Protocol } from 'puppeteer-core';

export interface MainThreadMetrics {
  /** Milliseconds of JavaScript execution in the page's renderer (all worlds, so content scripts included). */
  script: number;
  /** Milliseconds of all main-thread tasks. */
  task: number;
  layout: number;
  style: number;
}

export interface MeasuredPage {
  page: Page;
  cdp: CDPSession;
  /** Requests aborted because they left 127.0.0.1 (only when `localOnly`). */
  blocked: string[];
  metrics(): Promise<MainThreadMetrics>;
  /** Starts V8's sampling profiler on the tab's renderer (see profile-attribution.ts). */
  startProfile(): Promise<void>;
  stopProfile(): Promise<Protocol.Profiler.Profile>;
  close(): Promise<void>;
}

/** Sampling interval of {@link MeasuredPage.startProfile} (µs): fine enough for 1 ms figures, light enough to not slow them. */
export const PROFILE_INTERVAL_US = 250;

export interface OpenOptions {
  /** Scripts installed with evaluateOnNewDocument, in order. */
  initScripts?: string[];
  /** Abort every request that does not go to `localOrigin` (extension and data URLs pass). */
  localOrigin?: string;
  /** Profile from before the navigation on ({@link MeasuredPage.stopProfile}). */
  profile?: boolean;
}

/** Starts V8's sampling profiler on a page's session at PROFILE_INTERVAL_US (read with `Profiler.stop`). */
export async function startProfiler(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
  await cdp.send('Profiler.start');
}

/** Opens a tab in `context` with the Performance domain enabled before navigation. */
export async function openMeasuredPage(context: BrowserContext, options: OpenOptions = {}): Promise<MeasuredPage> {
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  for (const script of options.initScripts ?? []) await page.evaluateOnNewDocument(script);
  const blocked: string[] = [];
  if (options.localOrigin !== undefined) {
    const origin = options.localOrigin;
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(`${origin}/`) || /^(chrome-extension|data|blob|about):/.test(url)) {
        void request.continue().catch(() => undefined);
      } else {
        blocked.push(url);
        void request.abort('blockedbyclient').catch(() => undefined);
      }
    });
  }
  const startProfile = () => startProfiler(cdp);
  if (options.profile) await startProfile();
  return {
    page,
    cdp,
    blocked,
    metrics: () => readMetrics(cdp),
    startProfile,
    stopProfile: async () => (await cdp.send('Profiler.stop')).profile,
    close: () => page.close().catch(() => undefined),
  };
}

async function readMetrics(cdp: CDPSession): Promise<MainThreadMetrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    script: value('ScriptDuration'),
    task: value('TaskDuration'),
    layout: value('LayoutDuration'),
    style: value('RecalcStyleDuration'),
  };
}

export interface SettleOptions {
  /** Never read before this (ms after the call). */
  minMs: number;
  /** Done once the main thread has been quiet ({@link isQuiet}) for this long. */
  quietMs: number;
  maxMs: number;
}

/**
 * Quiet between two readings: no script ran, and the main thread was busy for at most a tenth of the time. The second
 * condition matters on loaded machines: a long relayout frame between our slices runs no script, and while it runs
 * the CDP reply itself waits, so a script-only check would call the page settled halfway through the linking.
 */
export function isQuiet(before: MainThreadMetrics, after: MainThreadMetrics, elapsedMs: number): boolean {
  return after.script - before.script <= 0.05 && after.task - before.task <= elapsedMs / 10;
}

/**
 * Waits without touching the page: polls CDP metrics (which runs no page script) until the main thread has been
 * quiet for `quietMs`, at least `minMs` and at most `maxMs` after the call. Returns the final metrics.
 */
export async function settle(page: MeasuredPage, options: SettleOptions): Promise<MainThreadMetrics & { waitedMs: number }> {
  const start = Date.now();
  let last = await page.metrics();
  let lastAt = Date.now();
  let quietSince = Date.now();
  for (;;) {
    await sleep(100);
    const now = await page.metrics();
    if (!isQuiet(last, now, Date.now() - lastAt)) quietSince = Date.now();
    last = now;
    lastAt = Date.now();
    const waited = Date.now() - start;
    if ((waited >= options.minMs && Date.now() - quietSince >= options.quietMs) || waited >= options.maxMs) {
      return { ...last, waitedMs: waited };
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
