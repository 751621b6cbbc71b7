import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/i18n/t';
import { crmOrigin, crmUrlProblem, originPattern, type CrmUrlProblem } from '../../src/crm/crm-url';
import { SCREEN_POP_WHEN, type ScreenPopWhen } from '../../src/settings/defaults';
import { secretStore } from '../../src/settings/secret-store';
import { SECRET_KEYS } from '../../src/well-known';
import { LockedNote } from '../shared/locked-note';
import { settingsStore, useManaged, useSettings } from '../shared/settings-store';
import { useEngine } from '../shared/use-engine';
import { CallLogStatus } from './call-log-status';
import { releaseOriginPermission, requestOriginPermission } from './request-origin-permission';

/** The call-log secret as stored: with the origin it may be sent to (see `send-call-record.ts`). */
interface StoredSecret {
  origin: string;
  secret: string;
}

const PROBLEM_TEXT = { invalid: 'crmErrorInvalid', 'not-https': 'crmErrorNotHttps', 'placeholder-in-origin': 'crmErrorPlaceholderInOrigin' } as const;
const problemText = (value: string, problem: CrmUrlProblem) => t(PROBLEM_TEXT[problem], value.trim());

/**
 * Screen-pop and the call-log webhook (docs/crm.md): their own form, saved as a patch of these fields. Saving asks
 * the browser for the webhook's host permission, for that one origin, in the click itself. The secret is a
 * credential: it goes to the extension's IndexedDB with the origin it was entered for, never into the settings (so
 * never into a settings file), and is never shown again. Policy values win and lock their field.
 */
export function CrmForm() {
  const stored = useSettings()?.calling;
  const managed = useManaged() ?? {};
  const engine = useEngine();
  const [edit, setEdit] = useState<{ screenPopUrl?: string; screenPopWhen?: ScreenPopWhen; callLogUrl?: string }>({});
  const [secret, setSecret] = useState('');
  const [savedSecret, setSavedSecret] = useState<StoredSecret | undefined>();
  const [errors, setErrors] = useState<{ screenPopUrl?: string; callLogUrl?: string }>({});
  const [status, setStatus] = useState('');
  useEffect(() => void secretStore.get<StoredSecret>(SECRET_KEYS.callLogSecret).then(setSavedSecret), []);
  // A change saved elsewhere (another options tab, an import) shows here unless the user is editing.
  useEffect(() => setEdit({}), [stored?.screenPopUrl, stored?.screenPopWhen, stored?.callLogUrl]);
  if (!stored) return null;

  const popLocked = managed.screenPopUrl !== undefined;
  const logLocked = managed.callLogUrl !== undefined;
  const screenPopUrl = popLocked ? (managed.screenPopUrl ?? '') : (edit.screenPopUrl ?? stored.screenPopUrl);
  const callLogUrl = logLocked ? (managed.callLogUrl ?? '') : (edit.callLogUrl ?? stored.callLogUrl);
  const screenPopWhen = edit.screenPopWhen ?? stored.screenPopWhen;

  const save = (event: Event) => {
    event.preventDefault();
    const found: typeof errors = {};
    const popProblem = crmUrlProblem(screenPopUrl, true);
    const logProblem = crmUrlProblem(callLogUrl);
    if (popProblem) found.screenPopUrl = problemText(screenPopUrl, popProblem);
    if (logProblem) found.callLogUrl = problemText(callLogUrl, logProblem);
    setErrors(found);
    if (Object.keys(found).length > 0) return setStatus('');
    const origin = crmOrigin(callLogUrl);
    // First, before any await: the permission request needs the click (see requestOriginPermission).
    const granted = origin ? requestOriginPermission(origin) : Promise.resolve(true);
    void finish(origin, granted);
  };

  const finish = async (origin: string | undefined, granted: Promise<boolean>) => {
    const before = crmOrigin(stored.callLogUrl);
    let note = '';
    if (origin && secret !== '') {
      await secretStore.set(SECRET_KEYS.callLogSecret, { origin, secret } satisfies StoredSecret);
      setSavedSecret({ origin, secret });
    } else if (savedSecret && savedSecret.origin !== origin) {
      // Bound to the origin it was typed for: a new address never inherits it.
      await secretStore.delete(SECRET_KEYS.callLogSecret);
      setSavedSecret(undefined);
      if (origin) note = t('crmSecretDropped', origin);
    }
    const patch = { screenPopWhen, ...(popLocked ? {} : { screenPopUrl: screenPopUrl.trim() }), ...(logLocked ? {} : { callLogUrl: callLogUrl.trim() }) };
    await settingsStore.update({ calling: patch });
    setEdit({});
    setSecret('');
    if (before && (!origin || originPattern(before) !== originPattern(origin))) void releaseOriginPermission(before);
    // Saved now; the browser's question may stay open for as long as the user takes to answer it.
    setStatus([t('crmSaved'), note].filter(Boolean).join(' '));
    if (!origin) return void secretStore.delete(SECRET_KEYS.callLogAllowed);
    if (await granted) return void secretStore.set(SECRET_KEYS.callLogAllowed, { origin });
    setStatus([t('crmSavedNoPermission', origin), note].filter(Boolean).join(' '));
  };

  const lock = (locked: boolean, field: string) => ({ disabled: locked, 'aria-describedby': locked ? `${field}-locked` : undefined });

  return (
    <form id="crm" onSubmit={save}>
      <fieldset>
        <legend>{t('crmLegend')}</legend>
        <label>
          {t('crmScreenPopLabel')}
          <input name="screenPopUrl" type="text" inputMode="url" spellcheck={false} value={screenPopUrl} {...lock(popLocked, 'screenPopUrl')} onInput={(e) => setEdit({ ...edit, screenPopUrl: e.currentTarget.value })} />
          {popLocked && <LockedNote field="screenPopUrl" />}
        </label>
        {errors.screenPopUrl && (
          <p class="error" data-testid="error-screenPopUrl">
            {errors.screenPopUrl}
          </p>
        )}
        <label>
          {t('crmScreenPopWhen')}
          <select name="screenPopWhen" value={screenPopWhen} onChange={(e) => setEdit({ ...edit, screenPopWhen: e.currentTarget.value as ScreenPopWhen })}>
            {SCREEN_POP_WHEN.map((when) => (
              <option value={when} key={when}>
                {t(when === 'ring' ? 'crmScreenPopRing' : 'crmScreenPopAnswer')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('crmCallLogLabel')}
          <input name="callLogUrl" type="text" inputMode="url" spellcheck={false} value={callLogUrl} {...lock(logLocked, 'callLogUrl')} onInput={(e) => setEdit({ ...edit, callLogUrl: e.currentTarget.value })} />
          {logLocked && <LockedNote field="callLogUrl" />}
        </label>
        {errors.callLogUrl && (
          <p class="error" data-testid="error-callLogUrl">
            {errors.callLogUrl}
          </p>
        )}
        <label>
          {t('crmSecretLabel')}
          <input name="callLogSecret" type="password" autocomplete="off" value={secret} placeholder={savedSecret ? t('crmSecretSaved') : ''} onInput={(e) => setSecret(e.currentTarget.value)} />
        </label>
        <p>
          <button type="submit" data-testid="crm-save">
            {t('crmSave')}
          </button>{' '}
          <span class="saved" role="status" data-testid="crm-status">
            {status}
          </span>
        </p>
        <CallLogStatus status={engine?.callLog} />
      </fieldset>
    </form>
  );
}
