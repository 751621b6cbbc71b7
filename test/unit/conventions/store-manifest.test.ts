import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { storeManifest } from '../../tools/store-manifest';

describe('the Chrome store manifest', () => {
  test('drops `key` and nothing else', () => {
    const manifest = { manifest_version: 3, name: 'x', key: 'MIIB…', permissions: ['storage'] };
    expect(storeManifest(manifest)).toEqual({ manifest_version: 3, name: 'x', permissions: ['storage'] });
  });

  test('npm run zip zips the Chrome store build through it (not dist/chrome as it is)', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.zip).toContain('test/tools/zip-chrome.ts');
    expect(scripts.zip).not.toMatch(/web-ext build -s dist\/chrome\b/);
    expect(readFileSync('test/tools/zip-chrome.ts', 'utf8')).toContain('storeManifest(');
  });
});
