/**
 * The floor baseline: a minimal extension (floor-content.ts and a background that answers its one message) that
 * shows what any content script of Dialable's design costs at the least when measured like Dialable. Its figure on
 * the typical page is the bottom under the "≥ 10× faster than the naive extension" target: when a tenth of the
 * naive extension is below it, no linkifier that reads the page, asks its background and links can meet the target.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Bundles the content script and writes the extension into `dir`; returns its folder. */
export async function writeFloorExtension(dir: string): Promise<string> {
  const folder = join(dir, 'floor-extension');
  mkdirSync(folder, { recursive: true });
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
  writeFileSync(join(folder, 'content.js'), readFileSync(join(dir, 'floor-build', 'content.js')));
  writeFileSync(join(folder, 'background.js'), 'chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ pieces: message.pieces.length }); });\n');
  const manifest = {
    manifest_version: 3,
    name: 'Floor linkifier',
    version: '1.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
  return folder;
}
