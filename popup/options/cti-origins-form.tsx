import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/i18n/t';
import { ctiOriginProblems, normalizeCtiOrigins } from '../../src/cti/cti-origins';
import { LockedNote } from '../shared/locked-note';
import { settingsStore, useManaged, useSettings } from '../shared/settings-store';

/**
 * The web apps allowed to use the CTI page API (docs/cti.md): its own form, saved as a patch of this one field so
 * it never writes back a stale copy of the others. Every refused line is named with the reason; nothing is saved
 * until all lines are valid. A policy list wins and locks it.
 */
export function CtiOriginsForm() {
  const stored = useSettings()?.calling.ctiOrigins;
  const managed = useManaged() ?? {};
  const locked = managed.ctiOrigins !== undefined;
  const [text, setText] = useState<string | undefined>();
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  // A change saved elsewhere (another options tab, an import) shows here unless the user is typing.
  useEffect(() => setText(undefined), [stored?.join('\n')]);
  const shown = locked ? (managed.ctiOrigins ?? []).join('\n') : (text ?? stored?.join('\n') ?? '');

  const save = async (event: Event) => {
    event.preventDefault();
    const lines = shown.split('\n');
    const problems = ctiOriginProblems(lines).map(({ line, problem }) => (problem === 'not-https' ? t('ctiOriginNotHttps', line) : t('ctiOriginNotOrigin', line)));
    setErrors(problems);
    if (problems.length > 0) return setStatus('');
    const saved = await settingsStore.update({ calling: { ctiOrigins: normalizeCtiOrigins(lines) } });
    setText(saved.calling.ctiOrigins.join('\n'));
    setStatus(t('ctiOriginsSaved'));
  };

  return (
    <form id="cti" onSubmit={(e) => void save(e)}>
      <fieldset>
        <legend>{t('ctiLegend')}</legend>
        <label>
          {t('ctiOriginsLabel')}
          <textarea
            name="ctiOrigins"
            rows={3}
            spellcheck={false}
            value={shown}
            disabled={locked || stored === undefined}
            aria-describedby={locked ? 'ctiOrigins-locked' : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          {locked && <LockedNote field="ctiOrigins" />}
        </label>
        {errors.map((error) => (
          <p class="error" data-testid="error-ctiOrigins" key={error}>
            {error}
          </p>
        ))}
        <p>
          <button type="submit" disabled={locked} data-testid="cti-origins-save">
            {t('ctiOriginsSave')}
          </button>{' '}
          <span class="saved" role="status" data-testid="cti-origins-status">
            {status}
          </span>
        </p>
      </fieldset>
    </form>
  );
}
