/**
 * `npm run bench:table`: writes the targets table of test/bench/README.md from the latest test/artifacts/bench.json
 * (every figure that has a target, in the bench's order, with what it is measured against), so the table never
 * drifts from what the bench checks. `--check` only compares and fails when the README differs. Measured values
 * stay out of the README (they go stale; the JSON and commit messages keep them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Figure, Target } from './report';

const JSON_FILE = 'test/artifacts/bench.json';
const README = 'test/bench/README.md';
const START = '<!-- bench-table:start (npm run bench:table writes this from test/artifacts/bench.json) -->';
const END = '<!-- bench-table:end -->';

function targetText(figure: Figure & { target: Target }): string {
  const t = figure.target;
  const op = t.op === '<=' ? '≤' : t.op === '>=' ? '≥' : '=';
  if (t.on === 'ratio') return `${op} ${t.limit} × ${figure.baseline?.label ?? 'the baseline'}`;
  const value = figure.unit === 'B' ? `${(t.limit / 1024 / 1024).toFixed(0)} MB` : figure.unit === 'ms' ? `${t.limit} ms` : String(t.limit);
  return `${op} ${value}`;
}

export function renderTargets(figures: Figure[]): string {
  const rows = figures.filter((f): f is Figure & { target: Target } => f.target !== undefined).map((f) => `| \`${f.name}\` | ${targetText(f)} |`);
  return ['| Figure | Target |', '| --- | --- |', ...rows].join('\n');
}

const figures = (JSON.parse(readFileSync(JSON_FILE, 'utf8')) as { figures: Figure[] }).figures;
const readme = readFileSync(README, 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < from) throw new Error(`${README} has no ${START} … ${END} block`);
const updated = `${readme.slice(0, from + START.length)}\n${renderTargets(figures)}\n${readme.slice(to)}`;
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error(`${README}'s targets table differs from ${JSON_FILE}: run npm run bench:table`);
    process.exit(1);
  }
} else {
  writeFileSync(README, updated);
  console.log(`${README}: targets table written from ${JSON_FILE}`);
}
