import { ctiCall } from '../../src/cti/cti-events';
import { ctiSenderAllowed } from '../../src/cti/cti-origins';
import type { CtiErrorCode, CtiReply, CtiRequest } from '../../src/cti/cti-wire';
import { numberRiskReason } from '../../src/call/page-call-concern';
import { isTerminal } from '../../src/call/call-state';
import { DIGIT_INTERVAL_MS } from '../../src/call/digit-sender';
import type { PageDialLimit } from '../../src/call/page-dial-limit';
import { RegistrationState } from '../../src/call/registration-state';
import { t } from '../../src/i18n/t';
import type { CallAction, DialResult, EngineCommand, Payload, ResolvedTarget, SenderInfo } from '../../src/messaging/protocol';
import type { EngineSnapshot } from '../../src/call/engine-snapshot';
import type { Settings } from '../../src/settings/defaults';
import { resolveDialTarget } from './resolve-dial-target';

export interface CtiDeps {
  /** The settings in effect (the policy's `ctiOrigins` over the user's). */
  loadSettings(): Promise<Settings>;
  engine(command: EngineCommand): Promise<unknown>;
  pageDialLimit: PageDialLimit;
  country(): Promise<string | undefined>;
  /** Opens the confirm dialer with the number and why it waits there. */
  openDialer(target: ResolvedTarget, reason: string, confirm: true): Promise<void>;
  /** Waits between DTMF digits (tests pass one that does not). */
  pause?(ms: number): Promise<void>;
}

const SENTENCES: Record<Exclude<CtiErrorCode, 'confirm-required' | 'failed'>, () => string> = {
  'not-allowed': () => t('ctiErrorNotAllowed'),
  'not-registered': () => t('ctiErrorNotRegistered'),
  'no-call': () => t('ctiErrorNoCall'),
  busy: () => t('ctiErrorBusy'),
  'invalid-number': () => t('ctiErrorInvalidNumber'),
  'invalid-command': () => t('ctiErrorInvalidCommand'),
  'rate-limited': () => t('ctiErrorRateLimited'),
};

const refuse = (error: keyof typeof SENTENCES): CtiReply => ({ ok: false, error, message: SENTENCES[error]() });

/** The engine action behind each call-control command. */
const ACTIONS = { answer: 'answer', decline: 'decline', hangup: 'hangup', hold: 'hold', unhold: 'resume', mute: 'mute', unmute: 'unmute' } as const;

/**
 * The background's half of the CTI page API: every command from an allowed page, answered with a reply code and a
 * sentence. A `call` takes the path of a link click (per-tab limit, confirm rules, the confirm dialer); nothing a
 * page sends bypasses them.
 */
export function createCtiHandler(options: CtiDeps) {
  const deps = { pause: (ms: number) => new Promise<void>((resume) => setTimeout(resume, ms)), ...options };
  const snapshot = () => deps.engine({ command: 'snapshot' }) as Promise<EngineSnapshot>;
  const act = async (action: CallAction, callId: string | undefined): Promise<CtiReply> => {
    const reply = (await deps.engine({ command: 'call', ...(callId !== undefined ? { callId } : {}), ...action })) as { ok: boolean; error?: string };
    if (reply.ok) return { ok: true };
    return reply.error === t('callNoCall') ? refuse('no-call') : { ok: false, error: 'failed', message: t('ctiErrorFailed', reply.error ?? '') };
  };

  const dial = async (number: string, sender: SenderInfo): Promise<CtiReply> => {
    const resolved = resolveDialTarget(number, await deps.country(), true);
    if (!resolved) return refuse('invalid-number');
    if (sender.tabId === undefined || !deps.pageDialLimit.allow(sender.tabId)) return refuse('rate-limited');
    const source = { url: sender.tab?.url ?? '', title: sender.tab?.title ?? '' };
    const reply = (await deps.engine({ command: 'dial', target: resolved, source, page: { unsure: false } })) as DialResult;
    if (reply.accepted) return { ok: true, ...(reply.callId !== undefined ? { callId: reply.callId } : {}) };
    const reason = reply.reason ?? '';
    if (reply.confirm) {
      await deps.openDialer(resolved, reason, true);
      return { ok: false, error: 'confirm-required', message: t('ctiErrorConfirmRequired', reason) };
    }
    const state = await snapshot();
    if (state.registration.state !== RegistrationState.Registered) return { ...refuse('not-registered'), message: reason || SENTENCES['not-registered']() };
    const going = state.calls.filter((c) => !isTerminal(c.state)).length;
    if (going >= (await deps.loadSettings()).calling.maxLines) return { ...refuse('busy'), message: reason };
    return { ok: false, error: 'failed', message: t('ctiErrorFailed', reason) };
  };

  return async (request: Payload<'page:cti'>, sender: SenderInfo): Promise<CtiReply> => {
    if (!ctiSenderAllowed(sender, (await deps.loadSettings()).calling.ctiOrigins)) return refuse('not-allowed');
    if (request.command === 'hello') return { ok: true };
    return run(request);

    async function run(r: CtiRequest): Promise<CtiReply> {
      if (r.invalid) return refuse('invalid-command');
      switch (r.command) {
        case 'status': {
          const state = await snapshot();
          return { ok: true, status: { registered: state.registration.state === RegistrationState.Registered, calls: state.calls.map(ctiCall) } };
        }
        case 'subscribe':
          // The events come from the engine page (see serve-cti.ts): make sure it runs before the port connects.
          await deps.engine({ command: 'ping' });
          return { ok: true };
        case 'call':
          return dial(r.number ?? '', sender);
        case 'dtmf': {
          // One digit at a time, each after the last has played: a tone queued while one plays would replace it.
          for (const [i, tone] of [...(r.digits ?? '')].entries()) {
            if (i > 0) await deps.pause(DIGIT_INTERVAL_MS);
            const reply = await act({ action: 'dtmf', tone }, r.callId);
            if (!reply.ok) return reply;
          }
          return { ok: true };
        }
        case 'transfer': {
          // A blind transfer makes the server call the target on our account: a costly number is not for a page to pick.
          const resolved = resolveDialTarget(r.target ?? '', await deps.country(), true);
          if (!resolved) return refuse('invalid-number');
          const risk = resolved.kind === 'phone' ? numberRiskReason(resolved.e164) : undefined;
          if (risk) return { ok: false, error: 'not-allowed', message: risk };
          return act({ action: 'transfer', target: r.target ?? '' }, r.callId);
        }
        default:
          return act({ action: ACTIONS[r.command] }, r.callId);
      }
    }
  };
}
