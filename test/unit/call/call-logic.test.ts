import { describe, expect, test } from 'vitest';
import { badgeFor } from '../../../src/call/badge-for';
import { CALL_MOVES, CallState } from '../../../src/call/call-state';
import type { EngineSnapshot } from '../../../src/call/engine-snapshot';
import { callFailureReason, registrationFailureReason } from '../../../src/call/failure-reason';
import { REGISTRATION_MOVES, RegistrationState } from '../../../src/call/registration-state';
import { StateMachine } from '../../../src/call/state-machine';

describe('state machines refuse illegal moves', () => {
  test('a call cannot come back from Ended', () => {
    const m = new StateMachine(CallState.Dialing, CALL_MOVES, 'call');
    const seen: string[] = [];
    m.onChange((s, prev) => seen.push(`${prev}>${s}`));
    m.transition(CallState.Ringing);
    m.transition(CallState.Connected);
    m.transition(CallState.OnHold);
    m.transition(CallState.Connected);
    m.transition(CallState.Ended);
    expect(() => m.transition(CallState.Connected)).toThrow(/illegal transition ended → connected/);
    expect(seen).toEqual(['dialing>ringing', 'ringing>connected', 'connected>on-hold', 'on-hold>connected', 'connected>ended']);
  });
  test('registration cannot jump from Waiting to Registered (only through Connecting)', () => {
    const m = new StateMachine(RegistrationState.Waiting, REGISTRATION_MOVES, 'registration');
    expect(m.can(RegistrationState.Registered)).toBe(false);
    expect(m.can(RegistrationState.Connecting)).toBe(true);
  });
  test('every state of each machine has an entry', () => {
    for (const s of Object.values(CallState)) expect(CALL_MOVES[s]).toBeDefined();
    for (const s of Object.values(RegistrationState)) expect(REGISTRATION_MOVES[s]).toBeDefined();
  });
});

describe('reasons are sentences a user understands', () => {
  test.each([
    [486, /Busy/],
    [404, /Not found/],
    [603, /Declined/],
    [480, /No answer/],
    [408, /No answer/],
    [487, /Cancelled/],
    [undefined, /connection .* lost/],
    [599, /\(599\)/],
  ])('%s → %s', (code, pattern) => expect(callFailureReason(code)).toMatch(pattern));
  test('wrong credentials say what to do', () => {
    expect(registrationFailureReason('auth', { code: 401 })).toMatch(/rejected the username or password \(401\).*options/);
    expect(registrationFailureReason('unreachable', { server: 'wss://x' })).toMatch(/Cannot reach wss:\/\/x — check the address/);
  });
});

describe('toolbar badge', () => {
  const base: EngineSnapshot = { registration: { state: RegistrationState.Registered, message: 'Registered as a@b' }, calls: [], history: [], missed: 0 };
  const call = (state: CallState) => ({ id: '1', direction: 'outgoing' as const, state, number: '+1', startedAt: 0, muted: false, held: false });
  test.each([
    [base, ''],
    [{ ...base, missed: 3 }, '3'],
    [{ ...base, calls: [call(CallState.Incoming)] }, 'RING'],
    [{ ...base, calls: [call(CallState.Connected)] }, 'CALL'],
    [{ ...base, registration: { state: RegistrationState.Failed, message: 'x' } }, '!'],
    [{ ...base, registration: { state: RegistrationState.Unconfigured, message: 'x' } }, 'SET'],
  ])('%#', (snapshot, text) => expect(badgeFor(snapshot).text).toBe(text));
});
