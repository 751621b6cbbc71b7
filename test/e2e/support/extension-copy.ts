import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ExtensionCopy {
  dir: string;
  id: string;
  origin: string;
  remove(): void;
}

/**
 * A copy of an unpacked build under a fresh manifest `key`, hence its own extension id. For tests whose set-up
 * reaches beyond their browser profile (a machine-wide Chromium policy names an extension id): other Chromiums on
 * the machine, which load the real id, are not affected.
 */
export function copyWithNewId(distDir: string): ExtensionCopy {
  const dir = mkdtempSync(join(tmpdir(), 'dialable-ext-'));
  cpSync(distDir, dir, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  // Chromium's id: the first 128 bits of SHA-256 over the public key, hex digits 0-f written as a-p.
  const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: der.toString('base64') }));
  return { dir, id, origin: `chrome-extension://${id}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A copy of an unpacked build (same id) whose manifest grants these host permissions at install: Chromium's
 * host-permission bubble cannot be answered from a test, so a test that needs "the user allowed this origin" starts
 * from an install where it is allowed.
 */
export function copyWithHostPermissions(distDir: string, origins: string[]): Pick<ExtensionCopy, 'dir' | 'remove'> {
  const dir = mkdtempSync(join(tmpdir(), 'dialable-ext-'));
  cpSync(distDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, host_permissions: origins }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
