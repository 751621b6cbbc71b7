import { useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { StepState } from './step-state';
import { send, useEngine } from '../shared/use-engine';

/**
 * Welcome step 3: asks the engine to register again with the saved account and then shows the engine's own live
 * registration sentence ("Registered as …", the wrong-password and unreachable sentences) from its snapshot stream.
 */
export function RegistrationCheck() {
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const check = async () => {
    setProblem('');
    setBusy(true);
    try {
      const view = await send('ui:get-account', {});
      if (!view || !('server' in view) || view.server === '' || !view.hasPassword) {
        setProblem(t('welcomeCheckNeedAccount'));
        return;
      }
      setChecked(true);
      const { hasPassword: _, ...account } = view;
      // An empty password keeps the stored one: this re-registers exactly what was saved.
      await send('ui:save-account', { account: { ...account, password: '' } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="check-title">
      <h2 id="check-title">{t('welcomeCheckTitle')}</h2>
      {checked ? <LiveRegistration checking={busy} /> : <StepState id="registration" done={false} />}
      <p>{t('welcomeCheckIntro')}</p>
      <p>
        <button type="button" data-testid="check-registration" disabled={busy} onClick={() => void check()}>
          {busy ? t('welcomeCheckBusy') : t('welcomeCheckButton')}
        </button>
      </p>
      {problem && (
        <p class="error" role="alert" data-testid="registration-check">
          {problem}
        </p>
      )}
    </section>
  );
}

/**
 * The engine's registration state, live (mounted only after the first check: it keeps the engine running). While a
 * check runs, the previous outcome is not shown: it would read as the answer to this check.
 */
function LiveRegistration({ checking }: { checking: boolean }) {
  const snapshot = useEngine();
  const registration = checking ? undefined : snapshot?.registration;
  const ok = registration?.state === 'registered';
  return (
    <>
      <StepState id="registration" done={ok} />
      {checking && (
        <p class="note" role="status" data-testid="registration-check">
          {t('welcomeCheckBusy')}
        </p>
      )}
      {registration && (
        <p class={ok ? 'saved' : ['failed', 'waiting'].includes(registration.state) ? 'error' : 'note'} role="status" data-testid="registration-check">
          {registration.message}
        </p>
      )}
    </>
  );
}
