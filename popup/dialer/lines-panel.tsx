import { callStateLabel, CallState, isEstablished, isTerminal } from '../../src/call/call-state';
import type { CallSnapshot } from '../../src/call/engine-snapshot';
import type { LineAction } from '../../src/messaging/protocol';
import { t } from '../../src/i18n';
import { formatPhone } from '../../src/phone/format-phone';

/** The call-state word of a call as the popup shows it: "Conference" while it is mixed with others. */
export function shownState(call: CallSnapshot): string {
  return call.conference && !isTerminal(call.state) ? t('callStateConference') : callStateLabel(call.state);
}

/** "Bob +1 212 555 0100": who a call is with. */
export function callPartner(call: CallSnapshot): string {
  const number = /^\+\d+$/.test(call.number) ? formatPhone(call.number) : call.number;
  // A phone that sends its own number as its name is shown once.
  const digits = call.number.replace(/\D/g, '');
  const name = call.displayName && !(digits !== '' && call.displayName.replace(/\D/g, '') === digits) ? call.displayName : '';
  return name ? `${name} ${number}` : number;
}

/**
 * With more than one call: one line per call (its state and who), and what can be done with two calls — swap the
 * live one, join them into a conference, complete or cancel an attended transfer.
 */
export function LinesPanel({ calls, onAction }: { calls: CallSnapshot[]; onAction: (action: LineAction) => void }) {
  const going = calls.filter((c) => !isTerminal(c.state));
  if (going.length < 2) return null;
  const answered = going.filter((c) => isEstablished(c.state));
  const consult = going.find((c) => c.consultFor);
  const inConference = answered.length > 0 && answered.every((c) => c.conference);
  return (
    <section aria-label={t('dialerLines')}>
      <ul class="lines">
        {going.map((call) => (
          <li data-testid="line" data-state={shownState(call)} key={call.id} class={call.held ? 'held' : undefined}>
            {shownState(call)} · {callPartner(call)}
          </li>
        ))}
      </ul>
      <div class="row">
        {answered.length >= 2 && !inConference && (
          <button data-testid="swap" type="button" onClick={() => onAction({ action: 'swap' })}>
            {t('dialerSwap')}
          </button>
        )}
        {answered.length >= 2 && !inConference && (
          <button data-testid="merge" type="button" onClick={() => onAction({ action: 'merge' })}>
            {t('dialerMerge')}
          </button>
        )}
        {consult && (
          <button data-testid="complete-transfer" type="button" class="good" disabled={consult.state !== CallState.Connected} onClick={() => onAction({ action: 'complete-transfer' })}>
            {t('dialerCompleteTransfer')}
          </button>
        )}
        {consult && (
          <button data-testid="cancel-consult" type="button" onClick={() => onAction({ action: 'cancel-consult' })}>
            {t('dialerCancelConsult')}
          </button>
        )}
      </div>
    </section>
  );
}
