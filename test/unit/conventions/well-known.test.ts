import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PAGES } from '../../../src/well-known';

describe('well-known names (src/well-known.ts)', () => {
  test.each(Object.entries(PAGES))('page %s (%s) exists in the source tree and is built', (_name, path) => {
    expect(existsSync(path), path).toBe(true);
    const built = readFileSync('manifest.json', 'utf8') + readFileSync('vite.config.ts', 'utf8');
    expect(built, `${path} is neither in manifest.json nor in vite.config.ts's inputs`).toContain(path);
  });

  test('no other file spells a page path or the state port name out', () => {
    const literal = /['"`](popup\/(dialer|options|welcome)\/\w+\.html|background\/(offscreen|phone-window|worker)\/[\w-]+\.html)/;
    for (const file of ['background', 'content', 'popup', 'src'].flatMap((dir) => readdirRecursive(dir))) {
      if (file === 'src/well-known.ts') continue;
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(literal);
      expect(text, file).not.toMatch(/['"]engine-state['"]/);
    }
  });
});

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => `${dir}/${f}`);
}
