import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);

describe('project conventions (HOUSE-STYLE.md)', () => {
  test('src/ imports none of content/, background/, popup/', () => {
    for (const file of files('src')) for (const i of imports(file)) expect(i, file).not.toMatch(/(content|background|popup)\//);
  });

  test('content/, background/ and popup/ never import each other', () => {
    for (const area of ['content', 'background', 'popup']) {
      const others = ['content', 'background', 'popup'].filter((a) => a !== area);
      for (const file of files(area)) for (const i of imports(file)) for (const o of others) expect(i, file).not.toContain(`../${o}/`);
    }
  });

  test('only src/phone imports libphonenumber-js', () => {
    for (const area of ['src', 'content', 'background', 'popup']) {
      for (const file of files(area)) {
        if (file.startsWith(join('src', 'phone'))) continue;
        for (const i of imports(file)) expect(i, file).not.toMatch(/^libphonenumber-js/);
      }
    }
  });

  test('the content script never pulls in libphonenumber-js (run texts are matched in the background)', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of imports(file)) {
        expect(i, `${file} (reached from content/index.ts)`).not.toMatch(/libphonenumber|src\/phone['"/]?$|src\/phone\/index/);
        if (!i.startsWith('.')) continue;
        const base = join(file, '..', i);
        const next = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => {
          try {
            return statSync(p).isFile();
          } catch {
            return false;
          }
        });
        if (next) visit(next);
      }
    };
    visit(join('content', 'index.ts'));
    expect(seen.size).toBeGreaterThan(3);
  });

  test('the content script bundles no i18n dictionaries (link titles are written in the background)', () => {
    // Only imports that stay in the bundle: `import type` is erased.
    const valueImports = (file: string) =>
      [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)(?!\s+type\b)(?:[^'"]*?from)?\s*['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of valueImports(file)) {
        expect(i, `${file} (in the content script's bundle)`).not.toMatch(/(^|\/)i18n(\/|$)/);
        const base = join(file, '..', i);
        const next = i.startsWith('.') ? [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => statSync(p, { throwIfNoEntry: false })?.isFile()) : undefined;
        if (next) visit(next);
      }
    };
    visit(join('content', 'index.ts'));
    expect(seen.size).toBeGreaterThan(10);
  });

  test('no console.* outside the logger', () => {
    for (const area of ['src', 'content', 'background', 'popup']) {
      for (const file of files(area)) {
        if (file === join('src', 'logger.ts')) continue;
        expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bconsole\.\w+\(/);
      }
    }
  });
  test('only background/engine imports sip.js (its types never leave the engine)', () => {
    for (const area of ['src', 'content', 'background', 'popup', 'scripts']) {
      for (const file of files(area)) {
        if (file.startsWith(join('background', 'engine') + '/')) continue;
        for (const i of imports(file)) expect(i, file).not.toMatch(/^sip\.js/);
      }
    }
  });

  test('src/ calls no extension API (chrome.*, browser.*): the browser is reached only at the edges', () => {
    const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const file of files('src')) {
      expect(code(file), file).not.toMatch(/\b(chrome|browser)\.[a-z]+\b/);
      for (const i of imports(file)) expect(i, file).not.toBe('webextension-polyfill');
    }
  });
  test('one extension API namespace: chrome.* (Chrome, and Firefox MV3, where it returns promises too); no polyfill', () => {
    const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const area of ['src', 'content', 'background', 'popup']) {
      for (const file of files(area)) {
        for (const i of imports(file)) expect(i, file).not.toBe('webextension-polyfill');
        expect(code(file), file).not.toMatch(/\bbrowser\.(runtime|storage|tabs|windows|notifications|action|commands|i18n|menus|contextMenus)\b/);
      }
    }
  });
});
