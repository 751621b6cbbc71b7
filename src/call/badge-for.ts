import { CallState } from './call-state';
import type { EngineSnapshot } from './engine-snapshot';
import { RegistrationState } from './registration-state';
import { currentLanguage, t, type MessageKey } from '../i18n/t';

/** What the toolbar icon can say, most urgent first. */
export type IconState =
  | 'ringing'
  | 'in-call'
  | 'failed'
  | 'reconnecting'
  | 'registering'
  | 'not-configured'
  | 'outgoing-only'
  | 'signed-out'
  | 'dnd'
  | 'registered';

export interface Badge {
  state: IconState;
  /** Badge text: at most 4 characters (the browser clips longer ones). */
  text: string;
  color: string;
  /** The icon's tooltip: the state as a sentence, plus missed calls. */
  title: string;
}

export const BADGE_COLORS = {
  ringing: '#d97706',
  call: '#16805c',
  missed: '#b00020',
  failed: '#b00020',
  reconnecting: '#d97706',
  busy: '#2563eb',
  idle: '#6b7280',
  dnd: '#7c3aed',
} as const;

/** Badge texts: symbols, or a translated word (`word`, at most 4 characters in every language). */
const ICON: Record<IconState, { text: string; word?: MessageKey; color: string }> = {
  ringing: { text: '', word: 'badgeRinging', color: BADGE_COLORS.ringing },
  'in-call': { text: '', word: 'badgeInCall', color: BADGE_COLORS.call },
  failed: { text: '!', color: BADGE_COLORS.failed },
  reconnecting: { text: '!', color: BADGE_COLORS.reconnecting },
  registering: { text: '…', color: BADGE_COLORS.busy },
  'not-configured': { text: '', word: 'badgeNotConfigured', color: BADGE_COLORS.idle },
  'outgoing-only': { text: '', color: BADGE_COLORS.idle },
  'signed-out': { text: '', word: 'badgeSignedOut', color: BADGE_COLORS.idle },
  dnd: { text: '', word: 'badgeDnd', color: BADGE_COLORS.dnd },
  registered: { text: '', color: BADGE_COLORS.call },
};

const LIVE = new Set([CallState.Dialing, CallState.Ringing, CallState.Connected, CallState.OnHold, CallState.RemoteHold]);

/** The icon state for an engine snapshot: calls first, then the registration. */
export function iconState(snapshot: EngineSnapshot): IconState {
  const states = snapshot.calls.map((c) => c.state);
  if (states.includes(CallState.Incoming)) return 'ringing';
  if (states.some((s) => LIVE.has(s))) return 'in-call';
  switch (snapshot.registration.state) {
    case RegistrationState.Registered:
      // Only while calls could arrive: a registration problem says more than the switch that turns them away.
      return snapshot.dnd ? 'dnd' : 'registered';
    case RegistrationState.Unconfigured:
      return 'not-configured';
    case RegistrationState.Disabled:
      return 'outgoing-only';
    case RegistrationState.Failed:
      return 'failed';
    case RegistrationState.Waiting:
      return 'reconnecting';
    case RegistrationState.SignedOut:
      return 'signed-out';
    case RegistrationState.Connecting:
    case RegistrationState.Registering:
      return 'registering';
  }
}

/**
 * What the toolbar icon shows. Ringing and calls win, then Do not disturb; otherwise missed calls (the count,
 * until the popup is opened) take the badge text, and the tooltip always says the registration state.
 */
export function badgeFor(snapshot: EngineSnapshot): Badge {
  const state = iconState(snapshot);
  // Do not disturb keeps its badge text (the switch must stay visible); missed calls are still in the tooltip.
  const missed = snapshot.missed > 0 && state !== 'ringing' && state !== 'in-call' && state !== 'dnd';
  const icon = missed ? { text: snapshot.missed > 99 ? '99+' : String(snapshot.missed), color: BADGE_COLORS.missed } : ICON[state];
  const text = 'word' in icon && icon.word ? t(icon.word) : icon.text;
  const sentence = describe(state, snapshot);
  const plural = new Intl.PluralRules(currentLanguage()).select(snapshot.missed) === 'one' ? 'badgeMissedOne' : 'badgeMissedOther';
  const withMissed = snapshot.missed > 0 ? t(plural, sentence, snapshot.missed) : sentence;
  return { state, text, color: icon.color, title: t('badgeTitle', withMissed) };
}

function describe(state: IconState, snapshot: EngineSnapshot): string {
  switch (state) {
    case 'ringing': {
      const call = snapshot.calls.find((c) => c.state === CallState.Incoming);
      return t('badgeIncomingFrom', call?.displayName ?? call?.number ?? t('badgeUnknownCaller'));
    }
    case 'in-call': {
      const call = snapshot.calls.find((c) => LIVE.has(c.state));
      return t('badgeInCallWith', call?.displayName ?? call?.number ?? t('badgeUnknownCaller'));
    }
    case 'not-configured':
      return t('badgeNoAccount');
    case 'outgoing-only':
      return t('badgeOutgoingOnly');
    case 'dnd':
      return t('badgeDndTitle');
    default:
      return snapshot.registration.message;
  }
}
