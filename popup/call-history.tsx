import type { HistoryEntry } from '../src/call/engine-snapshot';

const ARROW: Record<HistoryEntry['direction'], string> = { outgoing: '↗', incoming: '↙', missed: '✗' };

/** Recent calls: click to call back. */
export function CallHistory({ entries, onRedial, onClear }: { entries: HistoryEntry[]; onRedial: (n: string) => void; onClear: () => void }) {
  return (
    <section data-testid="history" aria-label="Recent calls">
      <h2>
        Recent calls{' '}
        {entries.length > 0 && (
          <button type="button" class="link" onClick={onClear}>
            Clear
          </button>
        )}
      </h2>
      {entries.length === 0 ? (
        <p class="note">No calls yet.</p>
      ) : (
        <ul class="history">
          {entries.slice(0, 20).map((e) => (
            <li key={e.id} data-direction={e.direction}>
              <button type="button" class="link" title={`Call ${e.number} again`} onClick={() => onRedial(e.number)}>
                <span aria-label={e.direction}>{ARROW[e.direction]}</span> {e.displayName ?? e.number}
              </button>{' '}
              <span class="note">
                {new Date(e.startedAt).toLocaleString()} · {e.durationMs > 0 ? `${Math.round(e.durationMs / 1000)} s` : e.result}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
