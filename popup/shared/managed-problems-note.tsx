import { t } from '../../src/i18n';
import type { ServerProblem } from '../../src/settings/server-problem';
import { useManagedProblems } from './settings-store';

const REASONS = { invalid: 'managedServerInvalid', plainWs: 'managedServerPlainWs', scheme: 'managedServerScheme' } as const satisfies Record<ServerProblem, string>;

/**
 * Options page: a policy value Dialable ignored (checked like the form's: a `ws://` server anywhere but this
 * computer, an address that is not a WebSocket URL), and why — so the user can tell their administrator.
 */
export function ManagedProblemsNote() {
  const problems = useManagedProblems();
  if (!problems.server) return null;
  return (
    <p class="error" role="alert" data-testid="managed-problem-server">
      {t(REASONS[problems.server])}
    </p>
  );
}
