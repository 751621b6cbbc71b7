import type { HistoryEntry } from '../../src/call/engine-snapshot';
import { formatPhone } from '../../src/phone/format-phone';
import { currentLanguage, t, type MessageKey } from '../../src/i18n/t';
import { downloadHistoryCsv } from './export-history';
import { formatNumber } from './format-number';

const ARROW: Record<HistoryEntry['direction'], string> = { outgoing: '↗', incoming: '↙', missed: '✗' };
const WORD: Record<HistoryEntry['direction'], MessageKey> = { outgoing: 'historyOutgoing', incoming: 'historyIncoming', missed: 'historyMissed' };
const SHOWN = 20;

/** Recent calls (in, out, missed) with time and duration: click one to call back; clear them all. */
export function CallHistory({ entries, onRedial, onClear, now = Date.now() }: { entries: HistoryEntry[]; onRedial: (n: string) => void; onClear: () => void; now?: number }) {
  return (
    <section data-testid="history" aria-labelledby="history-title">
      <h2 id="history-title">
        {t('historyTitle')}{' '}
        {entries.length > 0 && (
          <button type="button" class="link" data-testid="clear-history" aria-label={t('historyClearLabel')} onClick={onClear}>
            {t('historyClear')}
          </button>
        )}{' '}
        {entries.length > 0 && (
          <button type="button" class="link" data-testid="export-history" aria-label={t('historyExportLabel')} onClick={() => downloadHistoryCsv(entries)}>
            {t('historyExport')}
          </button>
        )}
      </h2>
      {entries.length === 0 ? (
        <p class="note">{t('historyEmpty')}</p>
      ) : (
        <ul class="history">
          {entries.slice(0, SHOWN).map((e) => {
            const number = /^\+\d+$/.test(e.number) ? formatPhone(e.number) : e.number;
            return (
              <li key={e.id} data-testid="history-entry" data-direction={e.direction} data-number={e.number}>
                <button type="button" class="link" data-testid="history-redial" title={t('historyCallAgain', number)} onClick={() => onRedial(e.number)}>
                  <span aria-hidden="true">{ARROW[e.direction]}</span>
                  <span class="sr-only">{t(WORD[e.direction])} </span> {e.displayName ? t('historyNameAndNumber', e.displayName, number) : number}
                </button>{' '}
                <span class="note">
                  <time dateTime={new Date(e.startedAt).toISOString()}>{formatWhen(e.startedAt, now)}</time> ·{' '}
                  <span data-testid="history-detail">{e.durationMs > 0 ? formatLength(e.durationMs) : e.result}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** "14:05" today, "Mon 14:05" this week, else the date and time, in the UI language (Intl). */
export function formatWhen(at: number, now: number, language: string = currentLanguage()): string {
  const date = new Date(at);
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(date);
  if (new Date(now).toDateString() === date.toDateString()) return time;
  if (now - at < 6 * 86_400_000) return `${new Intl.DateTimeFormat(language, { weekday: 'short' }).format(date)} ${time}`;
  return `${new Intl.DateTimeFormat(language, { dateStyle: 'short' }).format(date)} ${time}`;
}

/** A call's length: "0:42", "12:05", "1:02:03". */
export function formatLength(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${formatNumber(h)}:${formatNumber(m, 2)}:${formatNumber(sec, 2)}` : `${formatNumber(m)}:${formatNumber(sec, 2)}`;
}
