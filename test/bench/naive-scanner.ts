/**
 * The "naive" baseline: what an extension without a cheap pre-filter would do — run libphonenumber-js (full
 * metadata) over the whole `document.body.textContent`. Bundled here, at bench start, into one IIFE that defines
 * `globalThis.DialableNaive.findPhoneNumbersInText` when injected into a page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const NAIVE_GLOBAL = 'DialableNaive';

/** Builds the bundle into `dir` (vite lib mode, no project config) and returns its source. */
export async function buildNaiveScanner(dir: string): Promise<string> {
  const entry = join(dir, 'naive-entry.js');
  // An absolute path: the entry lives in a temp folder that has no node_modules above it.
  const max = fileURLToPath(import.meta.resolve('libphonenumber-js/max'));
  writeFileSync(entry, `export { findPhoneNumbersInText } from ${JSON.stringify(max)};\n`);
  await build({
    configFile: false,
    logLevel: 'warn',
    root: dir,
    build: {
      outDir: join(dir, 'naive'),
      emptyOutDir: true,
      minify: true,
      target: 'chrome120',
      lib: { entry, formats: ['iife'], name: NAIVE_GLOBAL, fileName: () => 'naive.js' },
    },
  });
  return readFileSync(join(dir, 'naive', 'naive.js'), 'utf8');
}
