import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const POLICY_DIR = '/etc/chromium/policies/managed';

/**
 * A machine-wide Chromium policy file giving one extension id its `storage.managed` values ("3rdparty"), removed by
 * `remove()` and, whatever happens, when the test process exits (the file would manage every Chromium here).
 * Needs write access to /etc/chromium/policies/managed (root, as CI runs): Chromium on Linux reads policy only there.
 */
export function writeExtensionPolicy(extensionId: string, values: Record<string, unknown>): { remove(): void } {
  const file = join(POLICY_DIR, `dialable-e2e-${process.pid}-${Date.now()}.json`);
  const remove = () => rmSync(file, { force: true });
  process.once('exit', remove);
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: values } } }));
  } catch (error) {
    throw new Error(`Cannot write the Chromium policy file ${file} (${String(error)}): run this test as root, as CI does.`, { cause: error });
  }
  return { remove };
}
