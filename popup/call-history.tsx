import type { HistoryEntry } from '../src/call/engine-snapshot';
import { formatPhone } from '../src/phone/format-phone';

const ARROW: Record<HistoryEntry['direction'], string> = { outgoing: '↗', incoming: '↙', missed: '✗' };
const WORD: Record<HistoryEntry['direction'], string> = { outgoing: 'Outgoing', incoming: 'Incoming', missed: 'Missed' };
const SHOWN = 20;

/** Recent calls (in, out, missed) with time and duration: click one to call back; clear them all. */
export function CallHistory({ entries, onRedial, onClear, now = Date.now() }: { entries: HistoryEntry[]; onRedial: (n: string) => void; onClear: () => void; now?: number }) {
  return (
    <section data-testid="history" aria-labelledby="history-title">
      <h2 id="history-title">
        Recent calls{' '}
        {entries.length > 0 && (
          <button type="button" class="link" data-testid="clear-history" onClick={onClear}>
            Clear
          </button>
        )}
      </h2>
      {entries.length === 0 ? (
        <p class="note">No calls yet.</p>
      ) : (
        <ul class="history">
          {entries.slice(0, SHOWN).map((e) => {
            const number = /^\+\d+$/.test(e.number) ? formatPhone(e.number) : e.number;
            return (
              <li key={e.id} data-testid="history-entry" data-direction={e.direction} data-number={e.number}>
                <button type="button" class="link" title={`Call ${number} again`} onClick={() => onRedial(e.number)}>
                  <span aria-hidden="true">{ARROW[e.direction]}</span>
                  <span class="sr-only">{WORD[e.direction]} call, </span> {e.displayName ? `${e.displayName} (${number})` : number}
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

/** "14:05" today, "Mon 14:05" this week, else the date and time, in the user's locale. */
export function formatWhen(at: number, now: number): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (new Date(now).toDateString() === date.toDateString()) return time;
  if (now - at < 6 * 86_400_000) return `${date.toLocaleDateString(undefined, { weekday: 'short' })} ${time}`;
  return `${date.toLocaleDateString()} ${time}`;
}

/** A call's length: "0:42", "12:05", "1:02:03". */
export function formatLength(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60));
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}
