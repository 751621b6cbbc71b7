import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/i18n/t';
import { LockedNote } from './locked-note';
import { loadSettings, saveSettings, useManaged, watchSettings } from './settings-storage';

/**
 * "Confirm every call started from a web page": outside any form, so it saves on change (read-modify-write of the
 * stored settings, so it never writes back a stale copy of the other fields). A policy value wins and locks it.
 */
export function ConfirmCallsSwitch() {
  const [checked, setChecked] = useState<boolean | undefined>();
  const [status, setStatus] = useState('');
  const managed = useManaged() ?? {};
  useEffect(() => {
    void loadSettings().then((s) => setChecked(s.calling.confirmPageCalls));
    return watchSettings((s) => setChecked(s.calling.confirmPageCalls));
  }, []);
  const locked = managed.confirmPageCalls !== undefined;
  const save = async (value: boolean) => {
    const stored = await loadSettings();
    await saveSettings({ ...stored, calling: { ...stored.calling, confirmPageCalls: value } });
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
