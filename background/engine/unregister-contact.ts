import { Registerer, UserAgent } from 'sip.js';
import { effectiveDomain, type Account } from '../../src/settings/account';

/** What names one registration binding at the registrar: sip.js builds the Contact URI from these two. */
export interface SipContact {
  contactName: string;
  viaHost: string;
}

/** A fresh contact for a new UserAgent (sip.js's own defaults, made here so the host can remember them). */
export function newContact(): SipContact {
  const token = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
  return { contactName: token(8), viaHost: `${token(12)}.invalid` };
}

/**
 * Removes exactly one binding — the one a closed phone window left behind — with a REGISTER carrying the same
 * Contact and `expires=0` over a short-lived connection of its own (RFC 3261 10.2.2; a registrar removes a binding
 * with a matching Contact whatever its Call-ID). Other devices of the same account keep their bindings: no `*`.
 * Resolves whether the registrar accepted it; never throws.
 */
export async function unregisterContact(account: Account, contact: SipContact, timeoutMs = 8_000): Promise<boolean> {
  const uri = UserAgent.makeURI(`sip:${account.username}@${effectiveDomain(account)}`);
  if (!uri) return false;
  const ua = new UserAgent({
    uri,
    transportOptions: { server: account.server, connectionTimeout: 5 },
    authorizationUsername: account.authUsername || account.username,
    authorizationPassword: account.password,
    contactName: contact.contactName,
    viaHost: contact.viaHost,
    reconnectionAttempts: 0,
    logBuiltinEnabled: false,
    logLevel: 'error',
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await ua.start();
    const registerer = new Registerer(ua);
    return await new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
      registerer
        .unregister({ requestDelegate: { onAccept: () => resolve(true), onReject: () => resolve(false) } })
        .catch(() => resolve(false));
    });
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    await ua.stop().catch(() => undefined);
  }
}
