import { CallState } from './call-state';
import type { EngineSnapshot } from './engine-snapshot';
import { RegistrationState } from './registration-state';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

/** What the toolbar icon shows for an engine state: ringing and calls first, then missed calls, then registration. */
export function badgeFor(snapshot: EngineSnapshot): Badge {
  const states = snapshot.calls.map((c) => c.state);
  if (states.includes(CallState.Incoming)) return { text: 'RING', color: '#d97706', title: 'Dialable — incoming call' };
  if (states.some((s) => s === CallState.Connected || s === CallState.OnHold || s === CallState.Dialing || s === CallState.Ringing)) {
    return { text: 'CALL', color: '#16805c', title: 'Dialable — in a call' };
  }
  if (snapshot.missed > 0) return { text: String(Math.min(snapshot.missed, 99)), color: '#b00020', title: `Dialable — ${snapshot.missed} missed` };
  switch (snapshot.registration.state) {
    case RegistrationState.Registered:
      return { text: '', color: '#16805c', title: `Dialable — ${snapshot.registration.message}` };
    case RegistrationState.Unconfigured:
      return { text: 'SET', color: '#6b7280', title: 'Dialable — no SIP account set up' };
    case RegistrationState.Failed:
    case RegistrationState.Waiting:
      return { text: '!', color: '#b00020', title: `Dialable — ${snapshot.registration.message}` };
    default:
      return { text: '…', color: '#6b7280', title: `Dialable — ${snapshot.registration.message}` };
  }
}
