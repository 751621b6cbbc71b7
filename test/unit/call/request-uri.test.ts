import { describe, expect, test } from 'vitest';
import type { ResolvedTarget } from '../../../src/messaging/protocol';
import { dialedNumber, dialPlan, requestUri, requestUriFor, transferTarget, type DialPlan } from '../../../src/call/request-uri';
import { EMPTY_ACCOUNT } from '../../../src/settings/account';
import { DEFAULT_SETTINGS } from '../../../src/settings/defaults';
import { DEFAULT_DIAL_RULES } from '../../../src/settings/dial-rules-schema';

const plan = (over: Partial<DialPlan> = {}): DialPlan => ({ domain: 'pbx.example.com', dialRules: DEFAULT_DIAL_RULES, defaultCountry: undefined, ...over });

describe('the request URI a call or transfer is sent to', () => {
  test.each<[string, ResolvedTarget, Partial<DialPlan>, string]>([
    ['a phone number as E.164 by default', { kind: 'phone', e164: '+442079460958' }, {}, 'sip:+442079460958@pbx.example.com'],
    ['the plus stripped', { kind: 'phone', e164: '+442079460958' }, { dialRules: { ...DEFAULT_DIAL_RULES, plus: 'strip' } }, 'sip:442079460958@pbx.example.com'],
    ['the plus as the international prefix, after an outside line', { kind: 'phone', e164: '+442079460958' }, { dialRules: { ...DEFAULT_DIAL_RULES, plus: 'idd', outsidePrefix: '9' } }, 'sip:900442079460958@pbx.example.com'],
    ['a home-country number in national format', { kind: 'phone', e164: '+442079460958' }, { dialRules: { ...DEFAULT_DIAL_RULES, plus: 'national' }, defaultCountry: 'GB' }, 'sip:02079460958@pbx.example.com'],
    ['a foreign number in national mode gets the international prefix', { kind: 'phone', e164: '+442079460958' }, { dialRules: { ...DEFAULT_DIAL_RULES, plus: 'national' }, defaultCountry: 'DE' }, 'sip:00442079460958@pbx.example.com'],
    ['an extension at the account domain', { kind: 'user', user: '204' }, {}, 'sip:204@pbx.example.com'],
    ['a SIP URI as given, whatever the domain', { kind: 'sip', uri: 'sips:bob@other.example.org' }, { domain: 'pbx.example.com' }, 'sips:bob@other.example.org'],
    ['the extension of a phone number is not dialed', { kind: 'phone', e164: '+442079460958', ext: '12' }, {}, 'sip:+442079460958@pbx.example.com'],
  ])('%s', (_name, target, over, uri) => {
    expect(requestUri(target, plan(over))).toBe(uri);
  });

  test('requestUriFor takes the dial rules and default country from the settings ("" = none)', () => {
    const settings = { ...DEFAULT_SETTINGS, detection: { ...DEFAULT_SETTINGS.detection, defaultCountry: 'GB' }, calling: { ...DEFAULT_SETTINGS.calling, dialRules: { ...DEFAULT_DIAL_RULES, plus: 'national' as const } } };
    expect(requestUriFor({ kind: 'phone', e164: '+442079460958' }, settings, 'pbx.example.com')).toBe('sip:02079460958@pbx.example.com');
    expect(requestUriFor({ kind: 'phone', e164: '+442079460958' }, DEFAULT_SETTINGS, 'pbx.example.com')).toBe('sip:+442079460958@pbx.example.com');
  });

  test('requestUriFor takes the extension mode from the account', () => {
    const target: ResolvedTarget = { kind: 'phone', e164: '+442079460958', ext: '204' };
    expect(requestUriFor(target, DEFAULT_SETTINGS, 'pbx.example.com', { ...EMPTY_ACCOUNT, extensionMode: 'star' })).toBe('sip:+442079460958*204@pbx.example.com');
    expect(requestUriFor(target, DEFAULT_SETTINGS, 'pbx.example.com')).toBe('sip:+442079460958@pbx.example.com');
  });

  test('dial rewrites apply to phone numbers only', () => {
    const rules = { ...DEFAULT_DIAL_RULES, plus: 'strip' as const, rewrites: [{ match: '44', replace: '0' }] };
    expect(requestUri({ kind: 'phone', e164: '+442079460958' }, plan({ dialRules: rules }))).toBe('sip:02079460958@pbx.example.com');
    expect(requestUri({ kind: 'user', user: '44' }, plan({ dialRules: rules }))).toBe('sip:44@pbx.example.com');
  });
});

describe('a number\'s extension in the request URI (the account\'s PBX takes it that way)', () => {
  const target: ResolvedTarget = { kind: 'phone', e164: '+442079460958', ext: '204' };
  test.each<[DialPlan['extensionMode'], string]>([
    [undefined, 'sip:+442079460958@pbx.example.com'],
    ['dtmf', 'sip:+442079460958@pbx.example.com'],
    ['comma', 'sip:+442079460958,204@pbx.example.com'],
    ['star', 'sip:+442079460958*204@pbx.example.com'],
  ])('%s → %s', (extensionMode, uri) => {
    expect(requestUri(target, plan(extensionMode ? { extensionMode } : {}))).toBe(uri);
  });

  test('after the dial rules, never inside them', () => {
    const dialRules = { ...DEFAULT_DIAL_RULES, plus: 'national' as const, outsidePrefix: '9' };
    expect(requestUri(target, plan({ dialRules, defaultCountry: 'GB', extensionMode: 'star' }))).toBe('sip:902079460958*204@pbx.example.com');
  });

  test('a number without an extension is unchanged', () => {
    expect(requestUri({ kind: 'phone', e164: '+442079460958' }, plan({ extensionMode: 'comma' }))).toBe('sip:+442079460958@pbx.example.com');
  });

  test('typed post-dial digits never go into the request URI', () => {
    expect(requestUri({ kind: 'phone', e164: '+442079460958', postDial: ',204' }, plan({ extensionMode: 'comma' }))).toBe('sip:+442079460958@pbx.example.com');
  });
});

describe('the dial plan from the settings and the account', () => {
  test('dial rules and the default country from the settings, the extension mode from the account', () => {
    const settings = { ...DEFAULT_SETTINGS, detection: { ...DEFAULT_SETTINGS.detection, defaultCountry: 'GB' } };
    expect(dialPlan(settings, { ...EMPTY_ACCOUNT, extensionMode: 'star' }, 'pbx.example.com')).toEqual({
      domain: 'pbx.example.com',
      dialRules: DEFAULT_SETTINGS.calling.dialRules,
      defaultCountry: 'GB',
      extensionMode: 'star',
    });
  });

  test('no default country, and an account from before the extension mode existed: DTMF', () => {
    expect(dialPlan(DEFAULT_SETTINGS, EMPTY_ACCOUNT, 'd').defaultCountry).toBeUndefined();
    expect(dialPlan(DEFAULT_SETTINGS, EMPTY_ACCOUNT, 'd').extensionMode).toBe('dtmf');
    expect(dialPlan(DEFAULT_SETTINGS, undefined, 'd').extensionMode).toBe('dtmf');
  });
});

describe('what the user typed as a transfer target', () => {
  test.each<[string, ResolvedTarget]>([
    ['sip:bob@example.com', { kind: 'sip', uri: 'sip:bob@example.com' }],
    ['  SIPS:bob@example.com ', { kind: 'sip', uri: 'SIPS:bob@example.com' }],
    ['+442079460958', { kind: 'phone', e164: '+442079460958' }],
    ['+12345', { kind: 'user', user: '+12345' }],
    ['204', { kind: 'user', user: '204' }],
    ['*97#', { kind: 'user', user: '*97#' }],
    ['alice.smith', { kind: 'user', user: 'alice.smith' }],
    ['0207 946 0958', { kind: 'user', user: '02079460958' }],
    ['204;transport=tcp?X-Evil=1', { kind: 'user', user: '204transporttcpX-Evil1' }],
    ['bob@evil.example', { kind: 'user', user: 'bobevil.example' }],
  ])('%j', (input, target) => {
    expect(transferTarget(input)).toEqual(target);
  });
});

describe('the number a call is known by', () => {
  test.each<[ResolvedTarget, string]>([
    [{ kind: 'phone', e164: '+442079460958', ext: '12' }, '+442079460958'],
    [{ kind: 'sip', uri: 'sip:bob@example.com' }, 'sip:bob@example.com'],
    [{ kind: 'user', user: '204' }, '204'],
  ])('%j → %s', (target, number) => {
    expect(dialedNumber(target)).toBe(number);
  });
});
