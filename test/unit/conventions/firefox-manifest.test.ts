import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/** manifest.json as written (browser-specific keys behind `{{firefox}}.` / `{{chrome}}.`). */
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
const gecko = (manifest['{{firefox}}.browser_specific_settings'] as Record<string, Record<string, unknown>> | undefined) ?? {};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('Firefox store manifest', () => {
  test('has a gecko id, declares data collection and a minimum version that reads the declaration', () => {
    expect(gecko.gecko?.id).toMatch(/@/);
    expect(gecko.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    // data_collection_permissions: desktop Firefox 140, Firefox for Android 142.
    expect(parseFloat(String(gecko.gecko?.strict_min_version))).toBeGreaterThanOrEqual(140);
    expect(parseFloat(String(gecko.gecko_android?.strict_min_version))).toBeGreaterThanOrEqual(142);
  });

  test('keeps the default extension-page CSP (the ws:// relaxation lives in the test build only)', () => {
    expect(Object.keys(manifest).some((key) => key.includes('content_security_policy'))).toBe(false);
    expect(readFileSync('vite.config.ts', 'utf8')).toMatch(/testBuild \? \{ content_security_policy/);
  });

  test('asks for no permission beyond settings, notifications and the context menu', () => {
    expect(manifest['{{firefox}}.permissions']).toEqual(['storage', 'notifications', 'menus']);
    // The call-log webhook's origin is asked for at runtime, one origin at a time, when the user saves it (docs/crm.md).
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    expect(manifest.host_permissions).toBeUndefined();
  });

  test('no code of ours sets innerHTML (the one web-ext lint warning is preact\'s unused dangerouslySetInnerHTML path)', () => {
    const offenders = ['src', 'content', 'background', 'popup']
      .flatMap(sources)
      .filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
