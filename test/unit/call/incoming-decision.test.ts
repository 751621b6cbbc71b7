import { describe, expect, test } from 'vitest';
import { decideIncoming, intercomRequest, type IncomingFacts } from '../../../src/call/incoming-decision';

const calling = { dnd: false, dndResponse: 486 as const, autoAnswer: 0, intercom: false };
const facts = (extra: Partial<IncomingFacts> = {}, settings: Partial<IncomingFacts['calling']> = {}): IncomingFacts => ({
  calling: { ...calling, ...settings },
  callInfo: [],
  alertInfo: [],
  fromDomain: 'example.com',
  accountDomain: 'example.com',
  callsGoingOn: 0,
  ...extra,
});

describe('decideIncoming', () => {
  test('an ordinary call rings', () => {
    expect(decideIncoming(facts())).toEqual({ kind: 'ring' });
  });

  test('Do not disturb turns the caller away with the chosen code, before anything else', () => {
    expect(decideIncoming(facts({}, { dnd: true }))).toEqual({ kind: 'reject', code: 486 });
    expect(decideIncoming(facts({}, { dnd: true, dndResponse: 480 }))).toEqual({ kind: 'reject', code: 480 });
    expect(decideIncoming(facts({ callsGoingOn: 1 }, { dnd: true, autoAnswer: 5 }))).toEqual({ kind: 'reject', code: 486 });
    expect(decideIncoming(facts({ callInfo: ['<sip:x>;answer-after=0'] }, { dnd: true, intercom: true }))).toEqual({ kind: 'reject', code: 486 });
  });

  test('at the call limit the caller hears busy; below it a second call rings, never auto-answered', () => {
    expect(decideIncoming(facts({ callsGoingOn: 1 }))).toEqual({ kind: 'busy' });
    expect(decideIncoming(facts({ callsGoingOn: 2, maxCalls: 2 }))).toEqual({ kind: 'busy' });
    expect(decideIncoming(facts({ callsGoingOn: 1, maxCalls: 2 }, { autoAnswer: 3 }))).toEqual({ kind: 'ring' });
    expect(decideIncoming(facts({ callsGoingOn: 1, maxCalls: 2, callInfo: ['<sip:x>;answer-after=0'] }, { intercom: true }))).toEqual({ kind: 'ring' });
  });

  test('auto-answer after N seconds', () => {
    expect(decideIncoming(facts({}, { autoAnswer: 3 }))).toEqual({ kind: 'auto-answer', afterMs: 3000, intercom: false });
  });

  test('intercom answers a call from the own domain that asks for it, after the delay it asks for', () => {
    const on = { intercom: true };
    expect(decideIncoming(facts({ callInfo: ['<sip:example.com>;answer-after=0'] }, on))).toEqual({ kind: 'auto-answer', afterMs: 0, intercom: true });
    expect(decideIncoming(facts({ callInfo: ['<sip:example.com>;answer-after=2'] }, on))).toEqual({ kind: 'auto-answer', afterMs: 2000, intercom: true });
    expect(decideIncoming(facts({ alertInfo: ['<http://www.notused.com>;info=alert-autoanswer'] }, on))).toEqual({ kind: 'auto-answer', afterMs: 0, intercom: true });
    expect(decideIncoming(facts({ alertInfo: ['Auto Answer'], fromDomain: 'EXAMPLE.com' }, on))).toMatchObject({ kind: 'auto-answer', afterMs: 0 });
    // The request wins over a slower auto-answer setting.
    expect(decideIncoming(facts({ callInfo: ['<sip:x>;answer-after=0'] }, { ...on, autoAnswer: 10 }))).toMatchObject({ afterMs: 0, intercom: true });
  });

  test('intercom headers from another domain, or with intercom off, are ignored (they must not open the microphone)', () => {
    const asks = { callInfo: ['<sip:evil.example>;answer-after=0'], alertInfo: ['info=alert-autoanswer'] };
    expect(decideIncoming(facts({ ...asks, fromDomain: 'evil.example' }, { intercom: true }))).toEqual({ kind: 'ring' });
    expect(decideIncoming(facts({ ...asks, fromDomain: 'example.com.evil.example' }, { intercom: true }))).toEqual({ kind: 'ring' });
    expect(decideIncoming(facts({ ...asks, fromDomain: '' , accountDomain: '' }, { intercom: true }))).toEqual({ kind: 'ring' });
    expect(decideIncoming(facts(asks))).toEqual({ kind: 'ring' });
    // A foreign caller still gets the user's own auto-answer setting, no sooner.
    expect(decideIncoming(facts({ ...asks, fromDomain: 'evil.example' }, { intercom: true, autoAnswer: 5 }))).toEqual({ kind: 'auto-answer', afterMs: 5000, intercom: false });
  });
});

describe('intercomRequest', () => {
  test.each([
    [['<sip:pbx>;answer-after=0'], [], 0],
    [['<sip:pbx>; Answer-After = "3"'], [], 3],
    [['<sip:pbx>;purpose=info'], [], undefined],
    [['<sip:pbx>;answer-after=61'], [], undefined],
    [[], ['<http://www.notused.com>;info=alert-autoanswer'], 0],
    [[], ['<http://x>;info=auto-answer'], 0],
    [[], ['Ring Answer'], 0],
    [[], ['<http://x>;info=alert-internal'], undefined],
    [[], [], undefined],
  ])('Call-Info %j, Alert-Info %j → %s', (callInfo, alertInfo, expected) => {
    expect(intercomRequest(callInfo, alertInfo)).toBe(expected);
  });
});
