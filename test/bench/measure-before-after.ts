/**
 * `BENCH_BEFORE=<git ref> npm run bench`: the content script of an earlier commit against this one on the same pages,
 * in the same run, each in a browser of its own and measured like Dialable (measureLoneExtension), in alternating
 * rounds so that a change in the machine's load falls on both. For changes to candidate search, whose cheap pre-scan
 * must stay cheap: the page without numbers and the typical page.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROME_DIST } from '../e2e/support/extension';
import { median } from './measured-page';
import { measureLoneExtension } from './measure-lone-extension';
import type { BenchPage, ContentScriptRuns } from './measure-content-script';
import type { Figure } from './report';

const ROUNDS = 3;
const RUNS_PER_ROUND = 2;

/** Checks out `ref` into `work` and builds its Chrome extension there; returns the build's folder. */
function buildAt(ref: string, work: string): string {
  const tree = join(work, 'before');
  execFileSync('git', ['worktree', 'add', '--detach', tree, ref], { stdio: 'ignore' });
  symlinkSync(resolve('node_modules'), join(tree, 'node_modules'));
  execFileSync('npx', ['vite', 'build', '--mode', 'chrome', '--logLevel', 'error'], { cwd: tree, stdio: 'inherit' });
  return join(tree, 'dist', 'chrome');
}

function removeBuild(work: string): void {
  execFileSync('git', ['worktree', 'remove', '--force', join(work, 'before')], { stdio: 'ignore' });
}

const scriptMs = (runs: ContentScriptRuns[]): number => median(runs.flatMap((r) => r.with.map((w) => w.profiled.scriptMs)));

export async function measureBeforeAfter(ref: string, work: string, pages: BenchPage[]): Promise<Figure[]> {
  const before = buildAt(ref, work);
  try {
    const figures: Figure[] = [];
    for (const page of pages) {
      const runs = { before: [] as ContentScriptRuns[], after: [] as ContentScriptRuns[] };
      for (let round = 0; round < ROUNDS; round++) {
        runs.before.push(await measureLoneExtension(before, page, RUNS_PER_ROUND));
        runs.after.push(await measureLoneExtension(CHROME_DIST, page, RUNS_PER_ROUND));
      }
      const was = scriptMs(runs.before);
      const is = scriptMs(runs.after);
      figures.push({
        name: `cs ${page.name}, before → now`,
        measured: is,
        unit: 'ms',
        baseline: { label: `at ${ref}`, value: was, unit: 'ms' },
        ratio: is / was,
        runs: ROUNDS * RUNS_PER_ROUND,
        // Not worse, within the spread of alternating rounds on one machine.
        target: { on: 'ratio', op: '<=', limit: 1.1 },
        note: 'each build in a browser of its own, alternating rounds',
      });
    }
    return figures;
  } finally {
    removeBuild(work);
  }
}
