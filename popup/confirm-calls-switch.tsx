import { useState } from 'preact/hooks';
import { t } from '../src/i18n/t';
import { LockedNote } from './locked-note';
import { settingsStore, useManaged, useSettings } from './settings-store';

/**
 * "Confirm every call started from a web page": outside any form, so it saves on change (a patch of this one field,
 * so it never writes back a stale copy of the others). A policy value wins and locks it.
 */
export function ConfirmCallsSwitch() {
  const checked = useSettings()?.calling.confirmPageCalls;
  const [status, setStatus] = useState('');
  const managed = useManaged() ?? {};
  const locked = managed.confirmPageCalls !== undefined;
  const save = async (value: boolean) => {
    await settingsStore.update({ calling: { confirmPageCalls: value } });
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
