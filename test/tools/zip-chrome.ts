/**
 * `npm run zip` (part of `npm run build`): dist/dialable-chrome-<version>.zip for the Chrome Web Store, zipped from a
 * copy of dist/chrome whose manifest has no `key` (see store-manifest.ts). dist/chrome itself keeps the key.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { storeManifest } from './store-manifest';

const copy = mkdtempSync(join(tmpdir(), 'dialable-chrome-store-'));
try {
  cpSync(resolve('dist/chrome'), copy, { recursive: true });
  const path = join(copy, 'manifest.json');
  writeFileSync(path, JSON.stringify(storeManifest(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>), null, 2));
  execFileSync(resolve('node_modules/.bin/web-ext'), ['build', '-s', copy, '-a', 'dist', '-n', 'dialable-chrome-{version}.zip', '-o'], { stdio: 'inherit' });
} finally {
  rmSync(copy, { recursive: true, force: true });
}
