import type { HistoryEntry } from '../call/engine-snapshot';

/**
 * The call history as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line break in
 * double quotes, quotes doubled). A caller's display name is hostile input, and spreadsheets run a cell that starts
 * with `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a formula: such a cell gets a leading
 * apostrophe, which spreadsheets show as text. Numbers are written as text too, so `+4930…` keeps its plus.
 */
export interface HistoryCsvLabels {
  /** Column titles, in the user's language. */
  headers: [start: string, direction: string, number: string, name: string, durationSeconds: string, result: string];
  direction: Record<HistoryEntry['direction'], string>;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised against formulas, then quoted when it needs it. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file: a header row, then one row per entry (newest first, as the history keeps them). */
export function historyCsv(entries: readonly HistoryEntry[], labels: HistoryCsvLabels): string {
  const rows = entries.map((e) => [
    new Date(e.startedAt).toISOString(),
    labels.direction[e.direction],
    e.number,
    e.displayName ?? '',
    String(Math.round(e.durationMs / 1000)),
    e.result,
  ]);
  return [labels.headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
