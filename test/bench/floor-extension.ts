/**
 * The floor baseline: a minimal extension (floor-content.ts and a background that answers its one message) that
 * shows what any content script of Dialable's design costs at the least when measured like Dialable. Its figure on
 * the typical page is the bottom under the "≥ 10× faster than the naive extension" target: when a tenth of the
 * naive extension is below it, no linkifier that reads the page, asks its background and links can meet the target.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { writeExtension } from './write-extension';

/** Bundles the content script and writes the extension into `dir`; returns its folder. */
export async function writeFloorExtension(dir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(dir, 'floor-build'),
      emptyOutDir: true,
      minify: true,
      target: 'chrome120',
      lib: { entry: fileURLToPath(new URL('floor-content.ts', import.meta.url)), formats: ['iife'], name: 'DialableFloor', fileName: () => 'content.js' },
    },
  });
  return writeExtension(join(dir, 'floor-extension'), 'Floor linkifier', {
    content: readFileSync(join(dir, 'floor-build', 'content.js'), 'utf8'),
    background: 'chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ pieces: message.pieces.length }); });\n',
  });
}
