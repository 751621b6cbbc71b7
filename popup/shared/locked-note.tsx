import { t } from '../../src/i18n';

/** "Set by your organisation" beside a field the administrator set through browser policy (see `managed.ts`). */
export function LockedNote({ field }: { field: string }) {
  return (
    <span class="note" id={`${field}-locked`} data-testid={`locked-${field}`}>
      {t('managedLocked')}
    </span>
  );
}
