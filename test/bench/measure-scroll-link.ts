/**
 * Time from scrolling a large page until the numbers in view are linked: a tab of its own, left to settle after
 * load, then scrolled to a third, two thirds and the end of the page (jumps, as the scrollbar or End make).
 * In a context without the extension, `byHand`: the probe links the rows itself in the first frame after the
 * scroll, the floor under the figure for an extension that knew every number before the jump (the page's own work
 * after a jump, then its relayout after any write); `jump`: nothing is written, and the figure is the start of the
 * second frame after the jump, the earliest a link written after the frame that shows the jump can be on screen
 * (Dialable's are: they are matched in its background after the jump), since that frame waits for its raster.
 */
import type { BrowserContext } from 'puppeteer-core';
import type { BenchPage } from './measure-content-script';
import { median, openMeasuredPage, settle, type SettleOptions } from './measured-page';
import { fmt, type Figure } from './report';
import { SCROLL_LINK_PROBE, type ScrollMode } from './page-probes';

export interface ScrollLink {
  /** Where it scrolled to (scrollY). */
  y: number;
  /** ms from the scroll to the frame in which every row in view held a link (-1: not within 5 s). */
  ms: number;
  rows: number;
}

export async function measureScrollLink(context: BrowserContext, page: BenchPage, wait: SettleOptions, mode: ScrollMode = 'extension'): Promise<ScrollLink[]> {
  const tab = await openMeasuredPage(context);
  try {
    await tab.page.bringToFront();
    await tab.page.goto(page.url, { waitUntil: 'load', timeout: 30_000 });
    await settle(tab, wait);
    const height = (await tab.page.evaluate('document.documentElement.scrollHeight - innerHeight')) as number;
    const results: ScrollLink[] = [];
    for (const y of [Math.round(height / 3), Math.round((2 * height) / 3), height]) {
      const { ms, rows } = (await tab.page.evaluate(SCROLL_LINK_PROBE(y, mode))) as { ms: number; rows: number };
      results.push({ y, ms, rows });
      await settle(tab, { minMs: 300, quietMs: 300, maxMs: 3000 });
    }
    return results;
  } finally {
    await tab.close();
  }
}

/** The bench row for the by-hand runs: what linking after a jump costs with no extension's work in it. */
export function scrollByHandFigure(runs: ScrollLink[]): Figure {
  return jumpsFigure(
    runs,
    'tenk linked after scrolling, by hand, no extension',
    'the rows linked by the page in the first frame after the scroll',
    'the floor under "tenk linked after scrolling": the page\'s own work after a jump, then its relayout',
  );
}

/**
 * The bench row for the jumps alone: until a link written after the frame that shows the jump can be on screen at the
 * earliest (Dialable matches in its background, so its links come after that frame).
 */
export function scrollJumpFigure(runs: ScrollLink[]): Figure {
  return jumpsFigure(
    runs,
    'tenk second frame after a jump, no extension',
    'scroll → start of the second frame after it, nothing written',
    'a link written after the frame that shows the jump is on screen here at the earliest; its relayout adds to it',
  );
}

function jumpsFigure(runs: ScrollLink[], name: string, baselineText: string, note: string): Figure {
  const times = runs.filter((r) => r.ms >= 0).map((r) => r.ms);
  return {
    name,
    measured: times.length > 0 ? median(times) : null,
    unit: 'ms',
    measuredText: `median ${fmt(median(times), 'ms')} ms, worst ${fmt(Math.max(...times), 'ms')} ms (${runs.length} jumps)`,
    baselineText,
    runs: runs.length,
    note,
  };
}
