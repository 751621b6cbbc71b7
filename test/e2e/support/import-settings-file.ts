import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { waitForText } from './wait-for-text';

/** A settings file as the options page exports it, for alice with `account`'s fields (server, domain, …). */
export function settingsFile(account: Record<string, unknown>): Record<string, unknown> {
  return {
    format: 'dialable-settings',
    version: 1,
    exportedAt: new Date().toISOString(),
    settings: { version: 3, detection: { defaultCountry: 'GB' } },
    account: { username: 'alice', authUsername: '', displayName: '', iceServers: [], register: true, ...account },
  };
}

/** Writes `content` as a JSON file into `dir`, imports it on the open options page and returns the status shown. */
export async function importSettingsFile(options: Page, dir: string, content: unknown): Promise<string> {
  const path = join(dir, `import-${Date.now()}.json`);
  writeFileSync(path, JSON.stringify(content));
  const input = (await options.waitForSelector('[data-testid="import-settings"]')) as ElementHandle<HTMLInputElement>;
  await options.$eval('[data-testid="transfer-status"]', (el) => el.remove()).catch(() => undefined);
  await input.uploadFile(path);
  return waitForText(options, 'transfer-status', /./, 15_000);
}
