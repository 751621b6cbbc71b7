import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

/** Small files named after what they export (docs/style.md): a product file past this is doing two jobs. */
const MAX_LINES = 300;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

test(`no product file (src/, content/, background/, popup/) is longer than ${MAX_LINES} lines`, () => {
  const long = ['src', 'content', 'background', 'popup']
    .flatMap(files)
    .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
    .filter((f) => f.lines > MAX_LINES);
  expect(long).toEqual([]);
});
