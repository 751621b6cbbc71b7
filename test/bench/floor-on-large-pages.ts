/**
 * The floor extension (floor-extension.ts) on the large pages, as information beside Dialable's own `cs time` rows:
 * its time against the same bare walk, in the same run. Where the floor's ratio is above a target on the walk, no
 * content script of this design (read the text, search for candidates, ask the background, walk and link) meets it.
 */
import { measureLoneExtension } from './measure-lone-extension';
import type { BenchPage, ContentScriptRuns } from './measure-content-script';
import { median } from './measured-page';
import { fmt, type Figure } from './report';

/** The large pages the floor is measured on. */
export const FLOOR_PAGES = ['fifty-1mb', 'tenk'];

/** Measures the floor extension in `folder` on each of FLOOR_PAGES (without the chat burst or the heap reading). */
export async function measureFloorOnLargePages(folder: string, pages: BenchPage[], runs: number): Promise<Map<string, ContentScriptRuns>> {
  const result = new Map<string, ContentScriptRuns>();
  for (const name of FLOOR_PAGES) {
    const page = pages.find((p) => p.name === name);
    if (page === undefined) continue;
    result.set(name, await measureLoneExtension(folder, { ...page, chat: false, heap: false }, runs));
  }
  return result;
}

/**
 * One information row per page: the floor's profiled time against the bare walk of Dialable's own runs on that page
 * (the walk is measured in the extension-free tabs beside them). The floor links every number at once, where
 * Dialable links a large page as it comes near the viewport.
 */
export function floorFigures(floor: Map<string, ContentScriptRuns>, dialable: Map<string, ContentScriptRuns>): Figure[] {
  const figures: Figure[] = [];
  for (const [name, runs] of floor) {
    const ours = dialable.get(name);
    if (ours === undefined) continue;
    const time = median(runs.with.map((t) => t.profiled.scriptMs));
    const walk = median(ours.without.map((t) => t.isolatedWalkMs ?? Number.NaN));
    const links = median(runs.with.map((t) => t.links));
    figures.push({
      name: `floor extension ${name}`,
      measured: time,
      unit: 'ms',
      measuredText: `${fmt(time, 'ms')} ms, ${links} links`,
      baseline: { label: 'bare walk', value: walk, unit: 'ms' },
      baselineText: `walk ${fmt(walk, 'ms')} ms (Dialable's runs on this page)`,
      ratio: time / walk,
      ratioLabel: 'of walk: the least this design costs here',
      runs: runs.with.length,
    });
  }
  return figures;
}
