import { useEffect, useState } from 'preact/hooks';
import { callStateLabel, CallState, isEstablished, isTerminal } from '../../src/call/call-state';
import { currentCall } from '../../src/call/current-call';
import type { CallSnapshot } from '../../src/call/engine-snapshot';
import type { CallAction } from '../../src/messaging/protocol';
import { t } from '../../src/i18n';
import { numberRiskReason } from '../../src/call/page-call-concern';
import { regionFromLocale } from '../../src/phone/region-from-locale';
import { CallHistory } from './call-history';
import { CallVolume } from './call-volume';
import { callPartner, LinesPanel, shownState } from './lines-panel';
import { missingDeviceNote } from '../shared/device-notes';
import { Keypad } from './keypad';
import { PostDialStatus } from './post-dial-status';
import { addPlus, appendKey, formatNumberInput } from './number-input';
import { SiteSwitch } from './site-switch';
import { OPTIONS_URL, RegistrationLine } from './registration-line';
import { send, useEngine } from '../shared/use-engine';
import { formatNumber } from './format-number';
import { useSettings } from '../shared/settings-store';

export interface DialerProps {
  initialNumber: string;
  /** Why a clicked number could not be called right away (shown until the next action). */
  initialMessage?: string;
  /** The background's request id: its sentence is shown as the message, or as the confirm reason. */
  request?: string;
}

/** The popup: registration state, number entry, call controls, incoming call, history. */
export function Dialer({ initialNumber, initialMessage = '', request }: DialerProps) {
  const snapshot = useEngine();
  const [number, setNumber] = useState(initialNumber);
  const [transferTo, setTransferTo] = useState('');
  const [message, setMessage] = useState(initialMessage);
  // The confirm dialer: why this number waits for the user to press Call (plain text from the background).
  const [confirmReason, setConfirmReason] = useState('');
  const now = useClock();
  const settings = useSettings();
  const country = settings?.detection.defaultCountry || regionFromLocale(navigator.language);

  useEffect(() => {
    void send('ui:seen', {}).catch(() => undefined);
    if (request) {
      void send('ui:dialer-request', { id: request })
        .then((r) => (r.confirm ? setConfirmReason(r.reason ?? '') : setMessage(r.reason ?? '')))
        .catch(() => undefined);
    }
  }, []);

  const calls = snapshot?.calls ?? [];
  const call: CallSnapshot | undefined = currentCall(calls);
  const live = call !== undefined && !isTerminal(call.state);
  const connected = call !== undefined && isEstablished(call.state);
  // A caller ringing in, also while another call goes on (call waiting).
  const ringing = calls.find((c) => c.state === CallState.Incoming);
  const consulting = calls.some((c) => c.consultFor && !isTerminal(c.state));

  const dial = async (target = number) => {
    setMessage('');
    setConfirmReason('');
    const reply = await send('ui:dial', { target });
    if (!reply.accepted) setMessage(reply.reason ?? t('dialerCallCouldNotStart'));
  };
  const act = async (action: CallAction, on = call) => {
    setMessage('');
    const reply = await send('ui:call', { ...(on ? { callId: on.id } : {}), ...action });
    if (!reply.ok) setMessage(reply.error ?? t('dialerActionFailed'));
  };

  return (
    <main>
      <h1 class="sr-only">{t('popupTitle')}</h1>
      <RegistrationLine snapshot={snapshot} live={live} />

      <section aria-live="polite">
        <p data-testid="call-state" class="call-state">
          {call ? shownState(call) : callStateLabel('idle')}
          {call && ` · ${callPartner(call)}`}
          {call?.connectedAt && live && ` · ${formatDuration(now - call.connectedAt)}`}
          {call?.reason && isTerminal(call.state) && ` — ${call.reason}`}
        </p>
        {call?.source && live && <CallSource source={call.source} />}
        {call?.noAudio && live && (
          <p data-testid="no-audio" class="error">
            {t('callNoAudio')}
          </p>
        )}
      </section>

      <LinesPanel calls={calls} onAction={(action) => void act(action)} />

      {ringing && (
        <div class="row">
          <button data-testid="answer" type="button" class="good" onClick={() => void act({ action: 'answer' }, ringing)}>
            {t('dialerAnswer')}
          </button>
          <button data-testid="decline" type="button" class="bad" onClick={() => void act({ action: 'decline' }, ringing)}>
            {t('dialerDecline')}
          </button>
        </div>
      )}

      {confirmReason && (
        <p class="error" role="alert" data-testid="confirm-reason">
          {confirmReason}
        </p>
      )}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void dial();
        }}
      >
        <label class="grow">
          <span class="sr-only">{t('dialerNumberLabel')}</span>
          <input
            data-testid="dial-input"
            type="tel"
            autoComplete="off"
            placeholder={t('dialerNumberPlaceholder')}
            value={number}
            onInput={(e) => setNumber(formatNumberInput(e as InputEvent & { currentTarget: HTMLInputElement }, country, number))}
          />
        </label>
        <button data-testid="dial" type="submit" class="good" disabled={(live && !connected) || number.trim() === ''}>
          {t('dialerCall')}
        </button>
      </form>

      <Keypad
        onKey={(key) => (connected ? void act({ action: 'dtmf', tone: key }) : setNumber((n) => appendKey(n, key, country)))}
        {...(connected ? {} : { onPlus: (replacesZero: boolean) => setNumber((n) => addPlus(n, replacesZero)) })}
      />

      {live && (
        <div class="row">
          <button data-testid="hangup" type="button" class="bad" onClick={() => void act({ action: 'hangup' })}>
            {connected ? t('dialerHangUp') : t('dialerCancel')}
          </button>
          <button data-testid="mute" type="button" aria-pressed={call.muted} disabled={!connected} onClick={() => void act({ action: call.muted ? 'unmute' : 'mute' })}>
            {call.muted ? t('dialerUnmute') : t('dialerMute')}
          </button>
          <button data-testid="hold" type="button" aria-pressed={call.held} disabled={!connected} onClick={() => void act({ action: call.held ? 'resume' : 'hold' })}>
            {call.held ? t('dialerResume') : t('dialerHold')}
          </button>
        </div>
      )}
      {/* Below the keypad: appearing and going, it must not move the keys under the user's finger. */}
      {live && <PostDialStatus call={call} onSend={() => void act({ action: 'send-digits' })} />}
      {live && settings && <CallVolume audio={settings.audio} />}
      {snapshot?.audio?.missing.map((role) => (
        <p class="note" data-testid="device-note" key={role}>
          {missingDeviceNote(role)}
        </p>
      ))}
      {connected && (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void act({ action: 'transfer', target: transferTo });
          }}
        >
          <label class="grow">
            <span class="sr-only">{t('dialerTransferLabel')}</span>
            <input data-testid="transfer-input" type="tel" placeholder={t('dialerTransferPlaceholder')} value={transferTo} onInput={(e) => setTransferTo(e.currentTarget.value)} />
          </label>
          <button data-testid="transfer" type="submit" disabled={transferTo.trim() === ''}>
            {t('dialerTransfer')}
          </button>
          {!consulting && (
            <button data-testid="consult" type="button" disabled={transferTo.trim() === ''} onClick={() => void act({ action: 'consult', target: transferTo })}>
              {t('dialerConsult')}
            </button>
          )}
        </form>
      )}

      {message && (
        <p class="error" role="alert" data-testid="message">
          {message}
        </p>
      )}

      <CallHistory
        entries={snapshot?.history ?? []}
        now={now}
        onRedial={(n) => {
          setNumber(n);
          // Calling back a premium-rate (or other costly) number waits for the user to press Call.
          const risky = /^\+\d+$/.test(n) ? numberRiskReason(n) : undefined;
          if (risky) setConfirmReason(risky);
          else void dial(n);
        }}
        onClear={() => void send('ui:clear-history', {})}
      />

      <SiteSwitch />
      <p class="note">
        <a href={OPTIONS_URL} target="_blank" data-testid="open-options">
          {t('dialerOptions')}
        </a>
      </p>
    </main>
  );
}

/** "From: <page title> (<host>)": the page a call started on, as the browser named its tab (plain text, never HTML). */
function CallSource({ source }: { source: { url: string; title: string } }) {
  const host = URL.canParse(source.url) ? new URL(source.url).host : '';
  const title = source.title.trim();
  if (!title && !host) return null;
  return (
    <p class="note" data-testid="call-source">
      {title && host ? t('dialerCallFrom', title, host) : t('dialerCallFromHost', title || host)}
    </p>
  );
}

function useClock(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The running call's timer, "1:05", with the UI language's digits. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${formatNumber(Math.floor(s / 60))}:${formatNumber(s % 60, 2)}`;
}
