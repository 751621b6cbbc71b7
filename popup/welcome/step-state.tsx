import { t } from '../../src/i18n';

/** A welcome-page step's "Done" / "Not done yet" line (`data-testid="step-<id>"`). */
export function StepState({ id, done }: { id: string; done: boolean }) {
  return (
    <p class={done ? 'saved' : 'note'} data-testid={`step-${id}`} data-done={String(done)}>
      {done ? `✓ ${t('welcomeStepDone')}` : t('welcomeStepNotDone')}
    </p>
  );
}
