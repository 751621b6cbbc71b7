/**
 * Time until numbers are linked: a tab of its own (the recorder's MutationObserver costs script time, so this is
 * never a tab whose profile is read). Times are relative to domContentLoadedEventEnd.
 */
import type { BrowserContext } from 'puppeteer-core';
import type { BenchPage } from './measure-content-script';
import { openMeasuredPage, sleep } from './measured-page';
import { LINK_TIME_RECORDER, READ_RECORD_COUNT, READ_LINK_TIMES, type LinkTimes } from './page-probes';

export interface LinkWait {
  minMs: number;
  /** Done once no mutation has been recorded for this long. */
  quietMs: number;
  maxMs: number;
}

export interface LinkRun extends LinkTimes {
  /** How long the tab was watched after load (ms). */
  waitedMs: number;
  /** False when the wait hit `maxMs` while links were still being added. */
  finished: boolean;
}

export async function measureLinkTimes(context: BrowserContext, page: BenchPage, wait: LinkWait): Promise<LinkRun> {
  const tab = await openMeasuredPage(context, {
    initScripts: [LINK_TIME_RECORDER],
    ...(page.localOrigin ? { localOrigin: page.localOrigin } : {}),
  });
  try {
    await tab.page.goto(page.url, { waitUntil: 'load', timeout: 30_000 });
    // Reading one counter every 250 ms: a few microseconds of page script, negligible next to a linking slice.
    // Done when the mutations and the main thread have both been quiet for quietMs.
    const start = Date.now();
    let last = -1;
    let since = Date.now();
    let finished = false;
    let metrics = await tab.metrics();
    let metricsAt = Date.now();
    for (;;) {
      await sleep(250);
      const count = (await tab.page.evaluate(READ_RECORD_COUNT)) as number;
      const now = await tab.metrics();
      if (count !== last || now.task - metrics.task > (Date.now() - metricsAt) / 10) {
        last = count;
        since = Date.now();
      }
      metrics = now;
      metricsAt = Date.now();
      const waited = Date.now() - start;
      finished = waited >= wait.minMs && Date.now() - since >= wait.quietMs;
      if (finished || waited >= wait.maxMs) break;
    }
    return { ...((await tab.page.evaluate(READ_LINK_TIMES)) as LinkTimes), waitedMs: Date.now() - start, finished };
  } finally {
    await tab.close();
  }
}
