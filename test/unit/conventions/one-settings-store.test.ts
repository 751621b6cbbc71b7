import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Product code without its comments (a comment may name the thing it explains). */
const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const product = ['src', 'content', 'background', 'popup'].flatMap(files);
const STORE = join('src', 'settings', 'settings-store.ts');

describe('one settings store (src/settings/settings-store.ts)', () => {
  test('nothing else reads or writes storage.local or listens to storage changes', () => {
    for (const file of product.filter((f) => f !== STORE && f !== join('src', 'settings', 'settings-key.ts'))) {
      expect(code(file), file).not.toMatch(/storage\.local\b|storage\.onChanged\b|\bSETTINGS_KEY\b/);
    }
  });

  test('the private settings area is the store’s only way into the extension’s IndexedDB for settings', () => {
    const users = product.filter((f) => /from '[./]*(src\/)?settings\/private-area'|from '\.\/private-area'/.test(code(f)));
    expect(users.sort()).toEqual([join('background', 'offscreen', 'offscreen.ts'), join('background', 'shared', 'settings-store.ts'), join('popup', 'shared', 'settings-store.ts')]);
  });

  test('the content script builds its store without the private area', () => {
    const content = code(join('content', 'start-content-script.ts'));
    expect(content).toMatch(/createSettingsStore\(\{ storage: chrome\.storage \}\)/);
    expect(content).not.toMatch(/private/);
  });
});
