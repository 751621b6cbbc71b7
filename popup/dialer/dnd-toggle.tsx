import { t } from '../../src/i18n';
import { settingsStore, useManaged, useSettings } from '../shared/settings-store';

/**
 * The Do not disturb switch: a toggle button (`aria-pressed`). It writes the user's setting, which the engine and
 * the toolbar badge follow; a policy value wins, and the button then only shows it.
 */
export function DndToggle() {
  const stored = useSettings()?.calling.dnd;
  const managed = useManaged();
  if (stored === undefined || managed === undefined) return null;
  const locked = managed.dnd !== undefined;
  const on = managed.dnd ?? stored;
  const note = locked ? 'dnd-locked' : on ? 'dnd-on' : undefined;
  return (
    <p class="dnd">
      <button
        type="button"
        class="dnd"
        data-testid="dnd"
        aria-pressed={on}
        disabled={locked}
        aria-describedby={note}
        onClick={() => void settingsStore.update((current) => ({ calling: { dnd: !current.calling.dnd } }))}
      >
        {t('popupDnd')}
      </button>{' '}
      {on && !locked && (
        <span class="note" id="dnd-on">
          {t('popupDndOn')}
        </span>
      )}
      {locked && (
        <span class="note" id="dnd-locked">
          {t('popupDndLocked')}
        </span>
      )}
    </p>
  );
}
