import { describe, expect, test } from 'vitest';
import { BADGE_COLORS, badgeFor } from '../../../src/call/badge-for';
import { CallState } from '../../../src/call/call-state';
import type { CallSnapshot, EngineSnapshot } from '../../../src/call/engine-snapshot';
import { RegistrationState as R } from '../../../src/call/registration-state';

const snap = (state: R, message = 'Registered as alice@example.com', extra: Partial<EngineSnapshot> = {}): EngineSnapshot => ({
  registration: { state, message },
  calls: [],
  history: [],
  missed: 0,
  ...extra,
});
const call = (state: CallState, direction: CallSnapshot['direction'] = 'outgoing'): CallSnapshot => ({
  id: 'c1',
  direction,
  state,
  number: '+442079460958',
  startedAt: 0,
  muted: false,
  held: false,
});

describe('toolbar icon for each state', () => {
  test.each([
    ['not configured', snap(R.Unconfigured, 'No SIP account'), 'not-configured', 'SET', BADGE_COLORS.idle, /no SIP account set up/],
    ['connecting', snap(R.Connecting, 'Connecting to wss://x…'), 'registering', '…', BADGE_COLORS.busy, /Connecting/],
    ['registering', snap(R.Registering, 'Registering…'), 'registering', '…', BADGE_COLORS.busy, /Registering/],
    ['registered', snap(R.Registered), 'registered', '', BADGE_COLORS.call, /Registered as alice@example.com/],
    ['registration off', snap(R.Disabled, ''), 'outgoing-only', '', BADGE_COLORS.idle, /outgoing calls only/],
    ['reconnecting', snap(R.Waiting, 'Cannot reach wss://x. Next try in 4 s.'), 'reconnecting', '!', BADGE_COLORS.reconnecting, /Cannot reach/],
    ['failed', snap(R.Failed, 'The server rejected the username or password (401).'), 'failed', '!', BADGE_COLORS.failed, /401/],
    ['ringing', snap(R.Registered, 'x', { calls: [call(CallState.Incoming, 'incoming')] }), 'ringing', 'RING', BADGE_COLORS.ringing, /incoming call from \+442079460958/],
    ['dialing', snap(R.Registered, 'x', { calls: [call(CallState.Dialing)] }), 'in-call', 'CALL', BADGE_COLORS.call, /in a call/],
    ['in call', snap(R.Registered, 'x', { calls: [call(CallState.Connected)] }), 'in-call', 'CALL', BADGE_COLORS.call, /in a call with \+442079460958/],
    ['on hold', snap(R.Registered, 'x', { calls: [call(CallState.OnHold)] }), 'in-call', 'CALL', BADGE_COLORS.call, /in a call/],
    ['do not disturb', snap(R.Registered, 'x', { dnd: true }), 'dnd', 'DND', BADGE_COLORS.dnd, /do not disturb: incoming calls are turned away/],
    ['do not disturb, ringing out', snap(R.Registered, 'x', { dnd: true, calls: [call(CallState.Dialing)] }), 'in-call', 'CALL', BADGE_COLORS.call, /in a call/],
    ['do not disturb while reconnecting: the problem first', snap(R.Waiting, 'Cannot reach wss://x.', { dnd: true }), 'reconnecting', '!', BADGE_COLORS.reconnecting, /Cannot reach/],
    ['the last call ended', snap(R.Registered, 'Registered as a@b', { calls: [call(CallState.Ended)] }), 'registered', '', BADGE_COLORS.call, /Registered/],
  ])('%s', (_name, snapshot, state, text, color, title) => {
    const badge = badgeFor(snapshot);
    expect(badge).toMatchObject({ state, text, color });
    expect(badge.title).toMatch(title);
    expect(badge.text.length).toBeLessThanOrEqual(4);
  });
});

describe('missed calls on the badge', () => {
  test('the count replaces the registration badge, in red, and the tooltip says it', () => {
    expect(badgeFor(snap(R.Registered, 'Registered as a@b', { missed: 1 }))).toMatchObject({ text: '1', color: BADGE_COLORS.missed, title: 'Dialable — Registered as a@b · 1 missed call' });
    expect(badgeFor(snap(R.Failed, 'Rejected (401).', { missed: 2 }))).toMatchObject({ state: 'failed', text: '2', title: 'Dialable — Rejected (401). · 2 missed calls' });
    expect(badgeFor(snap(R.Registered, 'x', { missed: 250 })).text).toBe('99+');
  });
  test('Do not disturb keeps its badge over the count; the tooltip still counts them', () => {
    expect(badgeFor(snap(R.Registered, 'x', { missed: 2, dnd: true }))).toMatchObject({ text: 'DND', title: 'Dialable — do not disturb: incoming calls are turned away · 2 missed calls' });
  });
  test('a ringing or live call still wins over the count', () => {
    expect(badgeFor(snap(R.Registered, 'x', { missed: 3, calls: [call(CallState.Incoming, 'incoming')] })).text).toBe('RING');
    expect(badgeFor(snap(R.Registered, 'x', { missed: 3, calls: [call(CallState.Connected)] })).text).toBe('CALL');
  });
});
