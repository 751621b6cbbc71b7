/**
 * Content-script main-thread time: the same page loaded in a tab of the extension's context and in a separate
 * browser context without extensions, each profiled (profile-attribution.ts) and left alone until its main thread
 * is quiet. After that reading (never before) the page is probed: long tasks, links, and in the extension-free tab
 * the bare-walk and naive-scan baselines. On the chat page a burst of DOM mutations is profiled the same way.
 */
import type { BrowserContext } from 'puppeteer-core';
import { openMeasuredPage, settle, sleep, type MainThreadMetrics, type MeasuredPage, type SettleOptions } from './measured-page';
import { attributeProfile, EXTENSION_URL, attributeWindows, functionBreakdown, windowTimeline, type Attribution } from './profile-attribution';
import {
  BARE_WALK,
  CLOCK_MARK,
  ISOLATED_WALK,
  CHAT_BATCH,
  CHAT_CONTAINER,
  COUNT_CHAT_LINKS,
  COUNT_LINKS,
  LONG_TASK_RECORDER,
  NAIVE_SCAN,
  READ_LONG_TASKS,
} from './page-probes';

export interface BenchPage {
  name: string;
  url: string;
  /** Numbers the page holds, when known (generated pages). */
  expectedLinks?: number;
  /** Abort requests that leave this origin (real pages reference remote resources). */
  localOrigin?: string;
  settle: SettleOptions;
  /** Measure a burst of chat messages after the page settled. */
  chat?: boolean;
  /** Read the tab's JS heap after a forced collection, once settled and probed. */
  heap?: boolean;
}

export interface LongEntry {
  type: 'longtask' | 'long-animation-frame';
  start: number;
  duration: number;
  /** Long animation frames: the style/layout/paint part (ms). */
  render: number;
  /**
   * What of it kept input waiting (ms): a frame's `blockingDuration` (its tasks' time over 50 ms each, rendering
   * included), a task's time over 50 ms. A frame that spans idle gaps between short tasks is long but blocks little.
   */
  blocking?: number;
  /** Content-script and collector time inside it, from the tab's profile (absent when the clocks could not be tied). */
  profiled?: Attribution;
  /** With BENCH_FRAMES=1: the content script's stretches inside it (profile-attribution.ts windowTimeline). */
  timeline?: Array<[number, number, string]>;
}

export interface LongTasks {
  entries: LongEntry[];
  dclEnd: number;
}

export interface TabRun {
  metrics: MainThreadMetrics & { waitedMs: number };
  /** From the tab's CPU profile, navigation to settled. */
  profiled: Attribution;
  /** With BENCH_FUNCTIONS=1: the content script's time by innermost function (profile-attribution.ts). */
  functions?: Array<[string, number]>;
  longTasks: LongTasks;
  links: number;
  blocked: number;
  /** Profiled over the chat burst and the 500 ms after it. */
  chatProfiled?: Attribution;
  chatLinks?: number;
  /** Extension-free tab only. */
  walkMs?: number[];
  /** The bare walk run once in a fresh isolated world, as a content script's first walk always is (ms). */
  isolatedWalkMs?: number;
  naive?: { ms: number; found: number };
  /** JS heap in use after a forced collection (bytes; all worlds of the tab), when the page asks for it. */
  heapUsed?: number;
}

export interface ContentScriptRuns {
  with: TabRun[];
  without: TabRun[];
}

export interface ContentScriptOptions {
  runs: number;
  naiveCode: string;
  /** Repeat the naive scan in later runs only while one scan stays under this (ms); it blocks the tab meanwhile. */
  naiveRepeatBelowMs: number;
  /** Probe the extension-free tab for the bare-walk and naive-scan baselines (default true). */
  baselines?: boolean;
}

export async function measureContentScript(
  withExtension: BrowserContext,
  withoutExtension: BrowserContext,
  page: BenchPage,
  options: ContentScriptOptions,
): Promise<ContentScriptRuns> {
  const result: ContentScriptRuns = { with: [], without: [] };
  let naiveIsCheap = true;
  for (let run = 0; run < options.runs; run++) {
    // Alternate which tab goes first, so a drift over the run (caches, CPU clock) does not favour one side.
    const order = run % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
    for (const side of order) {
      const context = side === 'with' ? withExtension : withoutExtension;
      const tab = await openMeasuredPage(context, {
        initScripts: [LONG_TASK_RECORDER],
        ...(page.localOrigin ? { localOrigin: page.localOrigin } : {}),
        profile: true,
      });
      try {
        await tab.page.goto(page.url, { waitUntil: 'load', timeout: 30_000 });
        const metrics = await settle(tab, page.settle);
        const mark = (await tab.page.evaluate(CLOCK_MARK)) as number;
        const profile = await tab.stopProfile();
        const profiled = attributeProfile(profile, EXTENSION_URL);
        const longTasks = (await tab.page.evaluate(READ_LONG_TASKS)) as LongTasks;
        const inEntries = attributeWindows(profile, EXTENSION_URL, mark, longTasks.entries);
        longTasks.entries.forEach((entry, i) => {
          if (inEntries !== undefined) entry.profiled = inEntries[i] as Attribution;
          if (process.env['BENCH_FRAMES'] && side === 'with') entry.timeline = windowTimeline(profile, EXTENSION_URL, mark, entry);
        });
        const links = (await tab.page.evaluate(COUNT_LINKS)) as number;
        const tabRun: TabRun = { metrics, profiled, longTasks, links, blocked: tab.blocked.length };
        if (process.env['BENCH_FUNCTIONS'] && side === 'with') tabRun.functions = functionBreakdown(profile, EXTENSION_URL);
        if (page.chat) Object.assign(tabRun, await chatBurst(tab));
        if (page.heap) tabRun.heapUsed = await heapAfterCollection(tab);
        if (side === 'without' && options.baselines !== false) {
          // Before anything else touches the DOM from script: wrappers are per world, caches are shared.
          tabRun.isolatedWalkMs = ((await inIsolatedWorld(tab, 'dialable-bench-walk', ISOLATED_WALK)) as { ms: number }).ms;
          const walk = (await tab.page.evaluate(BARE_WALK)) as { times: number[] };
          tabRun.walkMs = walk.times;
          if (run === 0 || naiveIsCheap) {
            await tab.page.evaluate(options.naiveCode);
            tabRun.naive = (await tab.page.evaluate(NAIVE_SCAN)) as { ms: number; found: number };
            naiveIsCheap = tabRun.naive.ms < options.naiveRepeatBelowMs;
          }
        }
        result[side].push(tabRun);
      } finally {
        await tab.close();
      }
    }
  }
  return result;
}

/** The tab's JS heap in use after two forced collections (the second frees what the first's finalizers let go). */
async function heapAfterCollection(tab: MeasuredPage): Promise<number> {
  await tab.cdp.send('HeapProfiler.collectGarbage');
  await tab.cdp.send('HeapProfiler.collectGarbage');
  return (await tab.cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** Evaluates `expression` in a new isolated world of the tab's main frame (what a content script runs in). */
async function inIsolatedWorld(tab: MeasuredPage, worldName: string, expression: string): Promise<unknown> {
  const { frameTree } = await tab.cdp.send('Page.getFrameTree');
  const { executionContextId } = await tab.cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName });
  const { result, exceptionDetails } = await tab.cdp.send('Runtime.evaluate', {
    expression,
    contextId: executionContextId,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`Bench probe failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

/** 40 chat messages (20 with a number) appended in one task; profiled over it and the 500 ms after. */
async function chatBurst(tab: MeasuredPage): Promise<{ chatProfiled: Attribution; chatLinks: number }> {
  await tab.page.evaluate(CHAT_CONTAINER);
  await sleep(300);
  await tab.startProfile();
  await tab.page.evaluate(CHAT_BATCH);
  await sleep(500);
  const chatProfiled = attributeProfile(await tab.stopProfile(), EXTENSION_URL);
  const chatLinks = (await tab.page.evaluate(COUNT_CHAT_LINKS)) as number;
  return { chatProfiled, chatLinks };
}
