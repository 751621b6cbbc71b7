import { SessionState, URI, UserAgent } from 'sip.js';
import { t } from '../../src/i18n/t';
import type { Call } from './call';

/** How long a completed-looking transfer may take to report its outcome before we give the first caller back. */
const TRANSFER_OUTCOME_MS = 30_000;
/** After a transfer worked, the target's INVITE with Replaces ends the consult call; if it does not, we do. */
const CONSULT_LEFTOVER_MS = 5_000;

/** Blind transfer (REFER); the other side then calls `target` and we hang up when it accepts. */
export async function blindTransfer(call: Call, target: string): Promise<void> {
  const uri = UserAgent.makeURI(target);
  if (!uri || call.session.state !== SessionState.Established) throw new Error(t('callTransferBadTarget'));
  await sendRefer(call, uri);
  call.reason = t('callTransferred');
  await call.session.bye().catch(() => undefined);
}

/**
 * Attended transfer (RFC 5589): asks the held caller `first` to call the consulted person in place of our consult
 * call (REFER with Replaces). Resolves once it worked — the final NOTIFY said 2xx, or the consult call was replaced —
 * and then leaves both calls; throws a sentence when it did not (the caller gives the first call back to the user).
 */
export async function attendedTransfer(first: Call, consult: Call): Promise<void> {
  if (first.session.state !== SessionState.Established || consult.session.state !== SessionState.Established) throw new Error(t('callNotAnswered'));
  let settle: (failure: string | undefined) => void = () => undefined;
  const outcome = new Promise<string | undefined>((resolve) => (settle = resolve));
  const replaced = (state: SessionState) => state === SessionState.Terminated && settle(undefined);
  consult.session.stateChange.addListener(replaced);
  const timer = setTimeout(() => settle(t('callTransferNoAnswer')), TRANSFER_OUTCOME_MS);
  try {
    await sendRefer(first, replacingUri(consult), (sipfrag) => {
      const status = /^SIP\/2\.0 (\d{3})/.exec(sipfrag);
      const code = status ? Number(status[1]) : 0;
      if (code >= 300) settle(t('callTransferFailed', sipfrag.split(/\r?\n/)[0] ?? ''));
      else if (code >= 200) settle(undefined);
    });
    const failure = await outcome;
    if (failure) throw new Error(failure);
  } finally {
    clearTimeout(timer);
    consult.session.stateChange.removeListener(replaced);
  }
  first.reason = t('callTransferredAttended');
  consult.reason = t('callTransferredAttended');
  await first.session.bye().catch(() => undefined);
  setTimeout(() => {
    if (consult.session.state === SessionState.Established) void consult.session.bye().catch(() => undefined);
  }, CONSULT_LEFTOVER_MS);
}

/**
 * Where the transferee should call: the consulted person's address (not the contact sip.js would use — a WebSocket
 * client's contact is an `.invalid` host that proxies refuse to relay to, and without GRUU it is not routable), with
 * `Replaces` naming our consult dialog so the target swaps that call for the transferee's (RFC 5589 §7.1, RFC 3891).
 */
function replacingUri(consult: Call): URI {
  const dialog = consult.session.dialog;
  if (!dialog) throw new Error(t('callNotAnswered'));
  const aor = consult.session.remoteIdentity.uri;
  const replaces = encodeURIComponent(`${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`);
  return new NameAddrUri(aor.scheme, aor.user ?? '', aor.host, aor.port, {}, { Replaces: [replaces] });
}

/**
 * A URI written in name-addr form (`<uri>`): sip.js writes a URI Refer-To bare, which RFC 3261 §20 forbids once the
 * URI carries headers — the transferee could not parse `?Replaces=` and never answered the REFER.
 */
class NameAddrUri extends URI {
  override toString(): string {
    return `<${super.toString()}>`;
  }
}

/** Sends REFER and resolves when it is accepted; `onSipfrag` gets each NOTIFY's body (the transfer's progress). */
function sendRefer(call: Call, referTo: Parameters<Call['session']['refer']>[0], onSipfrag?: (body: string) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    call.session
      .refer(referTo, {
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (response) => reject(new Error(t('callTransferRefused', response.message.statusCode))),
        },
        onNotify: (notification) => {
          void notification.accept();
          onSipfrag?.(notification.request.body ?? '');
        },
      })
      .catch(reject);
  });
}
