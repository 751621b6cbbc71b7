/**
 * Benchmark figures: one line each, with the baseline measured in the same run, the ratio, the target and whether
 * it was met. Speed never fails the process; a MISS says by how much.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Unit = 'ms' | 'B' | 'count' | 'x';

export interface Target {
  /** What is compared with the limit: the measured value or the ratio. */
  on: 'measured' | 'ratio';
  op: '<=' | '>=' | '==';
  limit: number;
}

export interface Figure {
  name: string;
  measured: number | null;
  unit: Unit;
  baseline?: { label: string; value: number | null; unit: Unit };
  /** measured / baseline unless stated otherwise (see `ratioLabel`). */
  ratio?: number | null;
  ratioLabel?: string;
  /** Free text for the measured column when one number does not say it (e.g. "3 (max 80 ms)"). */
  measuredText?: string;
  baselineText?: string;
  target?: Target;
  note?: string;
  /** Tabs, loads or probes the figure is the median (or worst) of. */
  runs?: number;
}

export interface Verdict {
  result: 'PASS' | 'MISS' | 'info' | 'n/a';
  detail: string;
}

export function judge(figure: Figure): Verdict {
  const t = figure.target;
  if (!t) return { result: 'info', detail: '' };
  const value = t.on === 'measured' ? figure.measured : figure.ratio;
  if (value === null || value === undefined || Number.isNaN(value)) return { result: 'n/a', detail: 'not measured' };
  const ok = t.op === '<=' ? value <= t.limit : t.op === '>=' ? value >= t.limit : value === t.limit;
  if (ok) return { result: 'PASS', detail: '' };
  const unit = t.on === 'ratio' ? '×' : figure.unit === 'ms' ? ' ms' : figure.unit === 'B' ? ' B' : '';
  const off = value - t.limit;
  const pct = t.limit !== 0 ? ` (${off > 0 ? '+' : ''}${Math.round((off / t.limit) * 100)}%)` : '';
  return { result: 'MISS', detail: `${off > 0 ? '+' : ''}${fmt(off, t.on === 'ratio' ? 'x' : figure.unit)}${unit}${pct}` };
}

export function fmt(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (unit === 'ms') return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
  if (unit === 'x') return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
  return String(Math.round(value));
}

function withUnit(value: number | null | undefined, unit: Unit): string {
  const text = fmt(value, unit);
  if (text === '–') return text;
  return unit === 'ms' ? `${text} ms` : unit === 'B' ? `${text} B` : unit === 'x' ? `${text}×` : text;
}

function targetText(figure: Figure): string {
  const t = figure.target;
  if (!t) return '';
  const op = t.op === '<=' ? '≤' : t.op === '>=' ? '≥' : '=';
  return t.on === 'ratio' ? `${op} ${t.limit}×` : `${op} ${withUnit(t.limit, figure.unit)}`;
}

/** A fixed-width table, one line per figure. */
export function renderTable(figures: Figure[]): string {
  const head = ['figure', 'measured', 'baseline', 'ratio', 'target', 'n', 'result'];
  const rows = figures.map((f) => {
    const v = judge(f);
    const baseline = f.baselineText ?? (f.baseline ? `${f.baseline.label} ${withUnit(f.baseline.value, f.baseline.unit)}` : '');
    const ratio = f.ratio === undefined ? '' : `${withUnit(f.ratio, 'x')}${f.ratioLabel ? ` ${f.ratioLabel}` : ''}`;
    const result = v.result === 'MISS' ? `MISS ${v.detail}` : v.result === 'info' ? '' : v.result;
    return [f.name, f.measuredText ?? withUnit(f.measured, f.unit), baseline, ratio, targetText(f), f.runs === undefined ? '' : String(f.runs), result];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function writeJson(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
