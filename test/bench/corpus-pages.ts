/**
 * Real pages for the benchmark: five fixed pages of Mozilla's Readability test corpus in ../shared (see TESTING.md).
 * The corpus is optional: a fresh clone has no ../shared, and then these pages are skipped with the reason.
 *
 * The pages are served without their own scripts. Their inline scripts (remote ones are blocked anyway) run timers
 * and fail differently from load to load, and their script time varied by tens of ms between runs — more than the
 * content script costs — which made any with/without difference meaningless. The markup, text and styles stay.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * Writes script-free copies of the selected pages to `<dir>/<name>/source.html`: <script> elements, frames, inline
 * event handler attributes and meta refreshes removed.
 */
export function writeScriptFreeCopies(selection: CorpusSelection, dir: string): void {
  for (const name of selection.names) {
    let html = readFileSync(join(selection.dir as string, name, 'source.html'), 'utf8')
      .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
      .replace(/<meta[^>]+http-equiv\s*=\s*["']?refresh[^>]*>/gi, '')
      // Frames would load remote pages; blocked, they become Chromium error pages, which run script of their own.
      .replace(/<(iframe|frame|object|embed)\b[^>]*>(?:[\s\S]*?<\/\1\s*>)?/gi, '');
    // One handler per tag and pass (blocked images fire onerror, for instance).
    for (let before = ''; before !== html; ) {
      before = html;
      html = html.replace(/(<[a-z][^>]*?)\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '$1');
    }
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'source.html'), html);
  }
}
