/**
 * The naive baseline as what it stands for: a real extension whose content script evaluates libphonenumber-js
 * (the bundle from naive-scanner.ts) and runs `findPhoneNumbersInText` over `document.body.textContent`. It runs
 * in a browser of its own and is measured exactly like Dialable (measure-lone-extension.ts), so the two figures
 * compare like with like.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NAIVE_GLOBAL } from './naive-scanner';

/** Writes the naive extension into `dir` and returns its folder. */
export function writeNaiveExtension(dir: string, naiveCode: string): string {
  const folder = join(dir, 'naive-extension');
  mkdirSync(folder, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Naive phone-number scan',
    version: '1.0',
    content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(folder, 'content.js'), `${naiveCode}\n;${NAIVE_GLOBAL}.findPhoneNumbersInText(document.body.textContent, 'US');\n`);
  return folder;
}
