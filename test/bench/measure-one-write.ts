/**
 * What the page itself charges for one link: in a tab without any extension, the first number of the 10,000-row
 * table is wrapped in an <a> by hand (what Dialable's smallest write does), and the longest animation frame that
 * follows is read. When that frame is already over 50 ms, the page's own relayout — not the writer — makes a long
 * frame after any write, and "no frame over 50 ms after our writes" cannot be met by writing less per frame.
 */
import type { BrowserContext } from 'puppeteer-core';
import { median, sleep } from './measured-page';
import { WRAP_FIRST_NUMBER } from './page-probes';
import { fmt, type Figure } from './report';

/** A page-world script (a string: see page-probes.ts for why) that writes one link and reports the frames after it. */
const WRITE_ONE_LINK = (write: boolean) => `(async () => {
  ${WRAP_FIRST_NUMBER}
  // Two frames first: the observer must not see the frame that was under way when the script started.
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const frames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) frames.push({ duration: e.duration, render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0, blocking: e.blockingDuration ?? 0 });
  }).observe({ type: 'long-animation-frame' });
  if (!${write}) {
    await new Promise((r) => setTimeout(r, 1000));
    return frames;
  }
  if (!wrapFirstNumber(document.body, false)) throw new Error('no number on the page');
  await new Promise((r) => setTimeout(r, 1000));
  return frames;
})()`;

export interface OneWrite {
  /** Longest animation frame after the write (0 when none was over 50 ms), ms. */
  longestMs: number;
  /** Its style and layout part, ms. */
  renderMs: number;
  /** Its input-blocking part (blockingDuration), ms. */
  blockingMs: number;
}

/** `write: false` waits the same time without writing: the control, which must see no long frame. */
export async function measureOneWrite(withoutExtension: BrowserContext, url: string, runs: number, write = true): Promise<OneWrite[]> {
  const results: OneWrite[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await withoutExtension.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      await sleep(1500); // the page's own first layout and paint are over
      const frames = (await page.evaluate(WRITE_ONE_LINK(write))) as { duration: number; render: number; blocking: number }[];
      const longest = frames.reduce((a, b) => (b.duration > a.duration ? b : a), { duration: 0, render: 0, blocking: 0 });
      results.push({ longestMs: longest.duration, renderMs: longest.render, blockingMs: longest.blocking });
    } finally {
      await page.close();
    }
  }
  return results;
}

/** The bench row: the page's own frame after one hand-written link, against the same wait without the write. */
export function oneWriteFigure(written: OneWrite[], control: OneWrite[]): Figure {
  const render = median(written.map((w) => w.renderMs));
  const longest = Math.max(...written.map((w) => w.longestMs));
  const blocking = Math.max(...written.map((w) => w.blockingMs));
  const controlLongest = Math.max(...control.map((w) => w.longestMs));
  return {
    name: 'one link by hand, tenk, no extension',
    measured: render,
    unit: 'ms',
    measuredText: `style + layout ${fmt(render, 'ms')} ms (longest frame ${fmt(longest, 'ms')} ms, blocking ${fmt(blocking, 'ms')} ms)`,
    baselineText: `no write: longest frame ${fmt(controlLongest, 'ms')} ms`,
    runs: written.length,
    note: 'what the page charges for any write: the floor under "long frames tenk with cs"',
  };
}
