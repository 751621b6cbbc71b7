import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CERTUTIL = process.env.CERTUTIL_PATH ?? '/usr/bin/certutil';

/**
 * Adds `caPath` as a trusted authority for TLS servers (`-t "C,,"`) to the NSS database in `nssDir`, creating an
 * empty one without a password first. Both test browsers use NSS: Chromium on Linux reads `$HOME/.pki/nssdb` (so
 * give the browser a throw-away HOME), Firefox the `cert9.db` in its profile folder (certutil writes that file, and
 * Firefox loads it at start-up). `nickname` must differ per CA within one database.
 */
export function trustCa(nssDir: string, caPath: string, nickname = 'dialable-test-ca'): void {
  mkdirSync(nssDir, { recursive: true });
  const db = `sql:${nssDir}`;
  if (!existsSync(join(nssDir, 'cert9.db'))) execFileSync(CERTUTIL, ['-N', '-d', db, '--empty-password'], { stdio: ['ignore', 'ignore', 'pipe'] });
  execFileSync(CERTUTIL, ['-A', '-d', db, '-t', 'C,,', '-n', nickname, '-i', caPath], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Chromium's NSS database under a HOME folder (Chromium on Linux reads `$HOME/.pki/nssdb`). */
export function chromiumNssDir(home: string): string {
  return join(home, '.pki', 'nssdb');
}
