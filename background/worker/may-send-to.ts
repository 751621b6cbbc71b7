import { crmOrigin, originPattern } from '../../src/crm/crm-url';
import type { HandlersFor } from '../../src/messaging/protocol';
import type { ManagedSettings } from '../../src/settings/managed';
import { secretStore } from '../../src/settings/secret-store';
import { SECRET_KEYS } from '../../src/well-known';

/**
 * Answers the engine's "may the call log go to this origin?". The browser already lets the extension reach every
 * site its content script runs on, so reach proves nothing, and a settings file can change the address: a record
 * goes out only to the origin the user allowed in the options page (which the browser still grants), or to the
 * address the administrator set by policy.
 */
export function createMaySendTo(loadManaged: () => Promise<ManagedSettings>): HandlersFor<'background'>['engine:may-send'] {
  return async ({ origin }) => {
    const managed: ManagedSettings = await loadManaged().catch(() => ({}));
    if (managed.callLogUrl && crmOrigin(managed.callLogUrl) === origin) return { allowed: true };
    const allowed = await secretStore.get<{ origin: string }>(SECRET_KEYS.callLogAllowed).catch(() => undefined);
    if (allowed?.origin !== origin) return { allowed: false };
    const granted = await Promise.resolve(chrome.permissions.contains({ origins: [originPattern(origin)] })).catch(() => false);
    return { allowed: granted };
  };
}
