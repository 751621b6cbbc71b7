import { useState } from 'preact/hooks';
import { buildSettingsFile, readSettingsFile, SETTINGS_FILE_NAME } from '../../src/settings/settings-file';
import { t } from '../../src/i18n';
import { settingsStore } from '../shared/settings-store';
import { send } from '../shared/use-engine';

/**
 * Options page: settings export to a JSON file and import from one. The password (and TURN credentials) go into
 * the file only when the box is ticked. Importing a file without one keeps the stored password only for the same
 * server, SIP domain and user names it was entered for (the engine decides: see `bindPassword`).
 */
export function SettingsTransfer({ onImported }: { onImported: () => void }) {
  const [includePassword, setIncludePassword] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const exportFile = async () => {
    const settings = await settingsStore.load();
    const account = await send('ui:export-account', { includePassword }).catch(() => undefined);
    const text = buildSettingsFile(settings, account && 'server' in account ? account : undefined, includePassword);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = SETTINGS_FILE_NAME;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setStatus({ ok: true, text: includePassword ? t('transferExportedWithPassword') : t('transferExported') });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setStatus(undefined);
    try {
      const result = readSettingsFile(await file.text());
      if ('error' in result) {
        setStatus({ ok: false, text: result.error });
        return;
      }
      const { detection, calling, audio } = result.settings;
      await settingsStore.update({ detection, calling, audio });
      let text = t('transferImported');
      // Imported values land in the user's own settings; managed ones stay in effect (the background also applies
      // the managed server, domain and username to an imported account).
      if (Object.keys(await settingsStore.managed()).length > 0) text += ` ${t('managedImportKept')}`;
      let ok = true;
      if (result.account) {
        const reply = await send('ui:save-account', { account: result.account });
        text += ` ${reply.message}`;
        ok = reply.registered;
      }
      setStatus({ ok, text });
      onImported();
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset id="transfer">
      <legend>{t('transferLegend')}</legend>
      <label>
        <span>
          <input type="checkbox" name="includePassword" checked={includePassword} onChange={(e) => setIncludePassword(e.currentTarget.checked)} />{' '}
          {t('transferIncludePassword')}
        </span>
      </label>
      <p class="row">
        <button type="button" data-testid="export-settings" onClick={() => void exportFile()}>
          {t('transferExport')}
        </button>
        <label class="button">
          {t('transferImport')}
          <input
            type="file"
            class="sr-only"
            data-testid="import-settings"
            accept="application/json,.json"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              void importFile(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      </p>
      {status && (
        <p class={status.ok ? 'saved' : 'error'} role="status" data-testid="transfer-status">
          {status.text}
        </p>
      )}
    </fieldset>
  );
}
