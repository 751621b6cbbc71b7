import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { EXTENSION_ID } from './support/extension';
import { readFromZip } from './support/extract-zip';

describe('the Chrome Web Store zip (npm run build)', () => {
  test('its manifest has no `key` (the store assigns the id); dist/chrome keeps it for the fixed development id', () => {
    const zipped = JSON.parse(readFromZip(readFileSync(`dist/dialable-chrome-${pkg.version}.zip`), 'manifest.json')) as Record<string, unknown>;
    const unpacked = JSON.parse(readFileSync('dist/chrome/manifest.json', 'utf8')) as Record<string, unknown>;
    expect(zipped).not.toHaveProperty('key');
    expect(unpacked.key).toEqual(expect.any(String));
    const { key: _key, ...rest } = unpacked;
    expect(zipped).toEqual(rest);
    expect(EXTENSION_ID).toMatch(/^[a-p]{32}$/);
  });

  test('the Firefox zip keeps its gecko id', () => {
    const zipped = JSON.parse(readFromZip(readFileSync(`dist/dialable-firefox-${pkg.version}.zip`), 'manifest.json')) as { browser_specific_settings: { gecko: { id: string } }; key?: string };
    expect(zipped.browser_specific_settings.gecko.id).toBe('dialable@dialable.dev');
    expect(zipped.key).toBeUndefined();
  });
});
