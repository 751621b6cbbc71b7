/** Writes a baseline extension for the bench: one content script on every page (document_idle), optionally a background. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeExtension(folder: string, name: string, files: { content: string; background?: string }): string {
  mkdirSync(folder, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0',
    ...(files.background !== undefined ? { background: { service_worker: 'background.js' } } : {}),
    content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(folder, 'content.js'), files.content);
  if (files.background !== undefined) writeFileSync(join(folder, 'background.js'), files.background);
  return folder;
}
