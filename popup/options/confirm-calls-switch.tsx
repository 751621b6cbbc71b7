import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/i18n/t';
import { LockedNote } from '../shared/locked-note';
import { settingsStore, useManaged, useSettings } from '../shared/settings-store';

/**
 * "Confirm every call started from a web page": outside any form, so it saves on change (a patch of this one field,
 * so it never writes back a stale copy of the others). A policy value wins and locks it.
 */
export function ConfirmCallsSwitch() {
  const stored = useSettings()?.calling.confirmPageCalls;
  // What this page just saved shows at once; the store's own change notice follows a moment later.
  const [saved, setSaved] = useState<boolean | undefined>();
  useEffect(() => setSaved(undefined), [stored]);
  const checked = saved ?? stored;
  const [status, setStatus] = useState('');
  const managed = useManaged() ?? {};
  const locked = managed.confirmPageCalls !== undefined;
  const save = async (value: boolean) => {
    setSaved((await settingsStore.update({ calling: { confirmPageCalls: value } })).calling.confirmPageCalls);
    setStatus(t('confirmPageCallsSaved'));
  };
  return (
    <p>
      <label>
        <input
          type="checkbox"
          name="confirmPageCalls"
          checked={managed.confirmPageCalls ?? checked ?? false}
          disabled={locked || checked === undefined}
          aria-describedby={locked ? 'confirmPageCalls-locked' : undefined}
          onChange={(e) => void save(e.currentTarget.checked)}
        />{' '}
        {t('confirmPageCallsLabel')}
      </label>
      {locked && <LockedNote field="confirmPageCalls" />}{' '}
      <span class="saved" role="status" data-testid="confirm-page-calls-status">
        {status}
      </span>
    </p>
  );
}
