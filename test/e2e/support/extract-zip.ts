import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** Every file in a zip archive (central directory → local header → stored or deflated data), by its path. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    if (!name.endsWith('/')) files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

/** One file of a zip archive as text. */
export function readFromZip(zip: Buffer, name: string): string {
  const file = readZip(zip).get(name);
  if (!file) throw new Error(`${name} is not in the archive`);
  return file.toString('utf8');
}

/** Unpacks a zip archive into `dir` (what a store installs), refusing paths that would leave it. */
export function extractZip(zip: Buffer, dir: string): void {
  for (const [name, data] of readZip(zip)) {
    const path = normalize(name);
    if (path.startsWith('..') || path.startsWith('/')) throw new Error(`zip entry outside the folder: ${name}`);
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
}
