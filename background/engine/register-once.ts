import type { Registerer } from 'sip.js';
import { registerRejection, type RegisterRejection } from '../../src/call/register-rejection';

/** How long a REGISTER may take before the attempt counts as failed (and the backoff starts). */
export const REGISTER_TIMEOUT_MS = 10_000;

export interface RegisterOutcome {
  /** 2xx: also for a REGISTER on a new connection under a call, where the Registerer never left "Registered". */
  accepted(): void;
  rejected(outcome: RegisterRejection): void;
  /** No final answer within {@link REGISTER_TIMEOUT_MS}, or the request could not be sent. */
  timedOut(): void;
}

/** Sends one REGISTER (sip.js answers digest challenges itself) and reports exactly one outcome. */
export async function registerOnce(registerer: Registerer, on: RegisterOutcome): Promise<void> {
  let settled = false;
  const settle = (report: () => void): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    report();
  };
  const timer = setTimeout(() => settle(() => on.timedOut()), REGISTER_TIMEOUT_MS);
  try {
    await registerer.register({
      requestDelegate: {
        onAccept: () => settle(() => on.accepted()),
        onReject: (response) => settle(() => on.rejected(registerRejection(response.message.statusCode ?? 0, response.message.getHeader('Retry-After')))),
      },
    });
  } catch {
    settle(() => on.timedOut());
  }
}
