/**
 * An extension whose content script does nothing: on the 10,000-number table Chrome runs the page's own layout in
 * long tasks after DOMContentLoaded as soon as any extension injects a script, so its long tasks are the baseline
 * that tells those apart from the ones Dialable's content script makes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeNoopExtension(dir: string): string {
  const folder = join(dir, 'noop-extension');
  mkdirSync(folder, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'No-op content script',
    version: '1.0',
    content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(folder, 'content.js'), 'void 0;\n');
  return folder;
}
