import type { CallLogStatus as Status } from '../../src/crm/call-log-queue';
import { t } from '../../src/i18n/t';

/** The call-log webhook's queue: delivered and waiting records, records dropped over the limit, the last error. */
export function CallLogStatus({ status }: { status: Status | undefined }) {
  if (!status) return null;
  return (
    <div data-testid="call-log-status" role="status" data-delivered={status.delivered} data-waiting={status.waiting} data-dropped={status.dropped}>
      <p>{t('callLogStatus', String(status.delivered), String(status.waiting))}</p>
      {status.dropped > 0 && <p>{t('callLogDropped', String(status.dropped))}</p>}
      {status.lastError && status.waiting > 0 && (
        <p class="error" data-testid="call-log-error">
          {status.lastError}
        </p>
      )}
    </div>
  );
}
