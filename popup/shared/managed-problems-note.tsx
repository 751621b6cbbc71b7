import { t, type MessageKey } from '../../src/i18n';
import type { ManagedProblems } from '../../src/settings/managed';
import type { OutboundProxyProblem } from '../../src/settings/outbound-proxy-problem';
import type { ServerProblem } from '../../src/settings/server-problem';
import { useManagedProblems } from './settings-store';

const REASONS: {
  server: Record<ServerProblem, MessageKey>;
  backupServer: Record<ServerProblem, MessageKey>;
  outboundProxy: Record<OutboundProxyProblem, MessageKey>;
} = {
  server: { invalid: 'managedServerInvalid', plainWs: 'managedServerPlainWs', scheme: 'managedServerScheme' },
  backupServer: { invalid: 'managedBackupServerInvalid', plainWs: 'managedBackupServerPlainWs', scheme: 'managedBackupServerScheme' },
  outboundProxy: { invalid: 'managedOutboundProxyInvalid', scheme: 'managedOutboundProxyScheme' },
};

/**
 * Options page: a policy value Dialable ignored (checked like the form's: a `ws://` server anywhere but this
 * computer, an address that is not a WebSocket URL, a proxy that is not a SIP address), and why — so the user can
 * tell their administrator. One sentence per ignored value (`managed-problem-<policy key>`).
 */
export function ManagedProblemsNote() {
  const problems = useManagedProblems();
  return (
    <>
      {(Object.keys(REASONS) as Array<keyof ManagedProblems>).map((field) => {
        const problem = problems[field];
        if (!problem) return null;
        const reasons: Record<string, MessageKey> = REASONS[field];
        return (
          <p key={field} class="error" role="alert" data-testid={`managed-problem-${field}`}>
            {t(reasons[problem] as MessageKey)}
          </p>
        );
      })}
    </>
  );
}
