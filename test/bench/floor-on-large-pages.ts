/**
 * The floor extension (floor-extension.ts) on the large pages, as information beside Dialable's own `cs time` rows:
 * its time against the same bare walk, in the same run. Where the floor's ratio is above a target on the walk, no
 * content script of this design (read the text, search for candidates, ask the background, walk and link) meets it.
 * Beside it, Dialable with detection switched off on the same pages: what Dialable pays there before any scan.
 */
import { measureLoneExtension } from './measure-lone-extension';
import type { BenchPage, ContentScriptRuns } from './measure-content-script';
import { median } from './measured-page';
import { fmt, type Figure } from './report';

/** The large pages the floor is measured on. */
export const FLOOR_PAGES = ['fifty-1mb', 'tenk'];

/**
 * Measures the extension in `folder` on each of `names` (without the chat burst or the heap reading); `prepare` runs
 * in its browser first (see measureLoneExtension).
 */
export async function measureOnLargePages(
  folder: string,
  pages: BenchPage[],
  runs: number,
  names: readonly string[] = FLOOR_PAGES,
  prepare?: Parameters<typeof measureLoneExtension>[3],
): Promise<Map<string, ContentScriptRuns>> {
  const result = new Map<string, ContentScriptRuns>();
  for (const name of names) {
    const page = pages.find((p) => p.name === name);
    if (page === undefined) continue;
    result.set(name, await measureLoneExtension(folder, { ...page, chat: false, heap: false }, runs, prepare));
  }
  return result;
}

/**
 * One information row per page: the floor's profiled time against the bare walk of Dialable's own runs on that page
 * (the walk is measured in the extension-free tabs beside them). The floor links every number at once, where
 * Dialable links a large page as it comes near the viewport.
 */
export function floorFigures(floor: Map<string, ContentScriptRuns>, dialable: Map<string, ContentScriptRuns>): Figure[] {
  return againstWalk(floor, dialable, (name) => `floor extension ${name}`, 'of walk: the least this design costs here');
}

/**
 * Information rows for Dialable with detection switched off on the large pages, against the same bare walk: its
 * evaluation, settings read and listeners, which the floor does not have. Beside the floor's row, the least
 * Dialable's own design can cost on that page.
 */
export function detectionOffFigures(off: Map<string, ContentScriptRuns>, dialable: Map<string, ContentScriptRuns>): Figure[] {
  return againstWalk(off, dialable, (name) => `cs ${name}, detection off`, 'of walk: no scan, the part the floor does not pay');
}

/**
 * Information rows for the pages where both link every number they find at load (`fifty-1mb`; on `tenk` Dialable
 * links only what is near the viewport): Dialable's time against the floor's, in the same run, both measured as
 * content scripts (the walk is a probe in other tabs). It says how much Dialable's own work (runs across inline
 * markup, labels, shadow roots, skipped areas, settings, observers) adds to the least this design does.
 */
export function againstFloorFigures(floor: Map<string, ContentScriptRuns>, dialable: Map<string, ContentScriptRuns>, names: readonly string[] = ['fifty-1mb']): Figure[] {
  const figures: Figure[] = [];
  for (const name of names) {
    const least = floor.get(name);
    const ours = dialable.get(name);
    if (least === undefined || ours === undefined) continue;
    const time = scriptMs(ours);
    const base = scriptMs(least);
    figures.push({
      name: `cs ${name} vs floor`,
      measured: time,
      unit: 'ms',
      measuredText: `${fmt(time, 'ms')} ms`,
      baseline: { label: 'floor extension', value: base, unit: 'ms' },
      baselineText: `floor extension ${fmt(base, 'ms')} ms`,
      ratio: time / base,
      ratioLabel: 'of the floor: what Dialable adds to the least this design does',
      runs: ours.with.length,
    });
  }
  return figures;
}

function againstWalk(measured: Map<string, ContentScriptRuns>, dialable: Map<string, ContentScriptRuns>, label: (page: string) => string, ratioLabel: string): Figure[] {
  const figures: Figure[] = [];
  for (const [name, runs] of measured) {
    const ours = dialable.get(name);
    if (ours === undefined) continue;
    const time = scriptMs(runs);
    const walk = median(ours.without.map((t) => t.isolatedWalkMs ?? Number.NaN));
    const links = median(runs.with.map((t) => t.links));
    figures.push({
      name: label(name),
      measured: time,
      unit: 'ms',
      measuredText: `${fmt(time, 'ms')} ms, ${links} links`,
      baseline: { label: 'bare walk', value: walk, unit: 'ms' },
      baselineText: `walk ${fmt(walk, 'ms')} ms (Dialable's runs on this page)`,
      ratio: time / walk,
      ratioLabel,
      runs: runs.with.length,
    });
  }
  return figures;
}

/** The median content-script time of the extension's loads. */
function scriptMs(runs: ContentScriptRuns): number {
  return median(runs.with.map((t) => t.profiled.scriptMs));
}
