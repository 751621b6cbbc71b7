/**
 * Which long tasks are ours. The Long Tasks API cannot tell a content script's task from the page's own parsing and
 * layout (a 1 MB page has long tasks with or without the extension), so a traced load in a tab of its own counts the
 * main-thread tasks over 50 ms that ran script from chrome-extension:// — tracing slows the page a little, which is
 * why this is never the tab whose ScriptDuration or link times are read.
 */
import type { BrowserContext } from 'puppeteer-core';
import type { BenchPage } from './measure-content-script';
import { openMeasuredPage, settle } from './measured-page';

export interface OwnLongTasks {
  /** Durations (ms) of main-thread tasks > 50 ms that ran extension script. */
  ours: number[];
  /** Durations (ms) of all main-thread tasks > 50 ms in the page's renderer. */
  all: number[];
  /** Extension script time found in the trace (ms), a cross-check of the ScriptDuration difference. */
  extensionScriptMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];
const LONG_US = 50_000;

export async function measureOwnLongTasks(context: BrowserContext, page: BenchPage): Promise<OwnLongTasks> {
  const tab = await openMeasuredPage(context, page.localOrigin ? { localOrigin: page.localOrigin } : {});
  try {
    await tab.page.tracing.start({ categories: CATEGORIES });
    await tab.page.goto(page.url, { waitUntil: 'load', timeout: 30_000 });
    await settle(tab, page.settle);
    const trace = await tab.page.tracing.stop();
    const { traceEvents } = JSON.parse(Buffer.from(trace ?? new Uint8Array()).toString('utf8')) as { traceEvents: TraceEvent[] };
    return analyse(traceEvents);
  } finally {
    await tab.close();
  }
}

function analyse(events: TraceEvent[]): OwnLongTasks {
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mainThreads.has(key)) continue;
    (byThread.get(key) ?? byThread.set(key, []).get(key))?.push(e);
  }
  const result: OwnLongTasks = { ours: [], all: [], extensionScriptMs: 0 };
  for (const list of byThread.values()) {
    const ours = list.filter(isExtensionScript).sort((a, b) => a.ts - b.ts);
    // Outermost extension-script events only, so nested calls are not counted twice.
    let coveredUntil = -Infinity;
    for (const e of ours) {
      if (e.ts >= coveredUntil) {
        result.extensionScriptMs += (e.dur ?? 0) / 1000;
        coveredUntil = e.ts + (e.dur ?? 0);
      }
    }
    for (const task of list) {
      if (task.name !== 'RunTask' || (task.dur ?? 0) <= LONG_US) continue;
      const end = task.ts + (task.dur ?? 0);
      result.all.push((task.dur ?? 0) / 1000);
      if (ours.some((e) => e.ts >= task.ts && e.ts < end)) result.ours.push((task.dur ?? 0) / 1000);
    }
  }
  return result;
}

function isExtensionScript(e: TraceEvent): boolean {
  const url = e.args?.data?.url ?? e.args?.data?.scriptName ?? '';
  return url.startsWith('chrome-extension://');
}
