import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, test } from 'vitest';

/** The documentation a reader follows from the README: every relative link must lead somewhere. */
function docFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : name.endsWith('.md') ? [path] : [];
    });
  const top = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md', join('test', 'bench', 'README.md')];
  return [...top.filter((f) => existsSync(f)), ...(existsSync('docs') ? walk('docs') : [])];
}

/** Markdown without fenced code blocks and inline code, where brackets and parentheses are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Link targets: inline links and images `[text](target "title")`, and reference definitions `[x]: target`. */
export function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] as string);
  const references = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1] as string);
  return [...inline, ...references];
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const plain = (m[1] as string).replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '');
    const slug = plain.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/** Broken relative links in one file: a missing file, or (for a Markdown target) a missing heading anchor. */
export function brokenLinks(file: string, markdown: string, exists: (path: string) => boolean, read: (path: string) => string): string[] {
  const broken: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: and the like
    const [pathPart = '', anchor] = target.split('#', 2);
    const path = pathPart === '' ? file : normalize(join(dirname(file), decodeURIComponent(pathPart)));
    if (!exists(path)) {
      broken.push(`${file}: ${target} (no file ${path})`);
      continue;
    }
    if (anchor && path.endsWith('.md') && !headingAnchors(read(path)).has(anchor.toLowerCase())) {
      broken.push(`${file}: ${target} (no heading #${anchor} in ${path})`);
    }
  }
  return broken;
}

/** Every `npm run <script>` the text names (`npm start` and `npm test` are npm's own). */
export function npmRunScripts(markdown: string): string[] {
  return [...markdown.matchAll(/\bnpm run(?:\s+-s)?\s+([A-Za-z0-9:_-]+)/g)].map((m) => m[1] as string);
}

describe('the documentation', () => {
  const files = docFiles();
  const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);

  test('the checkers find broken links, missing anchors and npm scripts in a sample', () => {
    const sample = [
      '# Setup guide',
      'See [the guide](docs/guide.md#setup-guide), [gone](docs/gone.md), [bad anchor](docs/guide.md#nowhere),',
      '![shot](images/a.png), [site](https://example.com), [here](#setup-guide) and `[not a link](nowhere.md)`.',
      '```sh',
      'npm run build   # [also not a link](nowhere.md)',
      '```',
      '[ref]: ./missing.md',
    ].join('\n');
    const existing = new Map([
      ['docs/guide.md', '# Setup guide\n'],
      ['images/a.png', ''],
      ['README.md', sample],
    ]);
    const found = brokenLinks('README.md', sample, (p) => existing.has(p), (p) => existing.get(p) ?? '');
    expect(found).toEqual([
      'README.md: docs/gone.md (no file docs/gone.md)',
      'README.md: docs/guide.md#nowhere (no heading #nowhere in docs/guide.md)',
      'README.md: ./missing.md (no file missing.md)',
    ]);
    expect(npmRunScripts('`npm run build`, npm run -s zip, npm start, npm test, npm run test:e2e')).toEqual(['build', 'zip', 'test:e2e']);
    expect(headingAnchors('## Desk phones and trunks with plain RTP\n## Add a message\n## Add a message')).toEqual(
      new Set(['desk-phones-and-trunks-with-plain-rtp', 'add-a-message', 'add-a-message-1']),
    );
  });

  test('covers the README, CONTRIBUTING, CHANGELOG, docs/ and the bench README', () => {
    for (const file of ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', join('docs', 'architecture.md'), join('test', 'bench', 'README.md')]) {
      expect(files).toContain(file);
    }
  });

  test.each(docFiles())('%s: every relative link resolves', (file) => {
    const read = (path: string) => readFileSync(path, 'utf8');
    expect(brokenLinks(file, read(file), existsSync, read)).toEqual([]);
  });

  test.each(docFiles())('%s: every `npm run` script it names exists', (file) => {
    for (const name of npmRunScripts(readFileSync(file, 'utf8'))) expect(scripts, `${file}: npm run ${name}`).toContain(name);
  });

  test('the README stays an entry page (at most 8 KB)', () => {
    expect(statSync('README.md').size).toBeLessThanOrEqual(8192);
  });
});
