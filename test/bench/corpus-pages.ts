/**
 * Real pages for the benchmark: five fixed pages of Mozilla's Readability test corpus in ../shared (see TESTING.md).
 * The corpus is optional: a fresh clone has no ../shared, and then these pages are skipped with the reason.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS_DIR = resolve('../shared/corpus/readability');

/** Fixed choice: a wiki, two big news pages, a mid-size news page and a health site with contact numbers. */
export const CORPUS_NAMES = ['wikipedia', 'guardian-1', 'nytimes-1', 'bbc-1', 'webmd-1'] as const;

export interface CorpusSelection {
  dir: string | undefined;
  names: string[];
  /** Why some or all pages are missing (empty when all five are there). */
  skipped: string[];
}

export function selectCorpusPages(): CorpusSelection {
  if (!existsSync(CORPUS_DIR)) {
    return { dir: undefined, names: [], skipped: [`${CORPUS_DIR} does not exist (the corpus lives outside the repo)`] };
  }
  const names: string[] = [];
  const skipped: string[] = [];
  for (const name of CORPUS_NAMES) {
    if (existsSync(join(CORPUS_DIR, name, 'source.html'))) names.push(name);
    else skipped.push(`${name}/source.html is missing`);
  }
  return { dir: CORPUS_DIR, names, skipped };
}
