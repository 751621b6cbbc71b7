import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { EXTENSION_ID } from './support/extension';

/** One file out of a zip archive (central directory → local header → stored or deflated data). */
function readFromZip(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} is not in the archive`);
}

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
