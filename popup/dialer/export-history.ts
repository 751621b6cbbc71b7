import type { HistoryEntry } from '../../src/call/engine-snapshot';
import { historyCsv } from '../../src/crm/history-csv';
import { t } from '../../src/i18n/t';

/** The file name of an export: `dialable-calls-2026-01-31.csv` (the local date). */
export function exportFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `dialable-calls-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/**
 * Downloads the call history as CSV (`src/crm/history-csv.ts`), with column titles in the user's language. A plain
 * download link on a Blob: no `downloads` permission, and the file never leaves the computer.
 */
export function downloadHistoryCsv(entries: readonly HistoryEntry[]): void {
  const csv = historyCsv(entries, {
    headers: [t('historyCsvStart'), t('historyCsvDirection'), t('historyCsvNumber'), t('historyCsvName'), t('historyCsvDuration'), t('historyCsvResult')],
    direction: { outgoing: t('historyCsvOutgoing'), incoming: t('historyCsvIncoming'), missed: t('historyCsvMissed') },
  });
  // A byte order mark: spreadsheet programs then read the file as UTF-8 (names with umlauts).
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName();
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
