import { describe, expect, test } from 'vitest';
import { isPostDial, PAUSE_MS, postDialPlan, postDialSteps, splitPostDial, type PostDialStep } from '../../../src/call/post-dial';
import type { ResolvedTarget } from '../../../src/messaging/protocol';

describe('a number and its post-dial digits', () => {
  test.each<[string, { number: string; postDial?: string }]>([
    ['+44 20 7946 0958,204', { number: '+44 20 7946 0958', postDial: ',204' }],
    ['+44 20 7946 0958,,204', { number: '+44 20 7946 0958', postDial: ',,204' }],
    ['+44 20 7946 0958;204', { number: '+44 20 7946 0958', postDial: ';204' }],
    ['+44 20 7946 0958, 204 ; #', { number: '+44 20 7946 0958', postDial: ',204;#' }],
    ['tel:+442079460958,204', { number: 'tel:+442079460958', postDial: ',204' }],
    ['tel:+442079460958,,1234;#', { number: 'tel:+442079460958', postDial: ',,1234;#' }],
    ['(020) 7946-0958,204', { number: '(020) 7946-0958', postDial: ',204' }],
    ['+44 20 7946 0958 x204,,5', { number: '+44 20 7946 0958 x204', postDial: ',,5' }],
    // Not post-dial: an RFC 3966 parameter, a trailing pause with nothing to send, plain numbers, letters.
    ['tel:+442079460958;ext=204', { number: 'tel:+442079460958;ext=204' }],
    ['+442079460958;ext=204', { number: '+442079460958;ext=204' }],
    ['+44 20 7946 0958,', { number: '+44 20 7946 0958' }],
    ['+44 20 7946 0958,;', { number: '+44 20 7946 0958' }],
    ['+44 20 7946 0958', { number: '+44 20 7946 0958' }],
    ['+44 20 7946 0958,abc', { number: '+44 20 7946 0958,abc' }],
    [',204', { number: ',204' }],
    [`+442079460958,${'1'.repeat(40)}`, { number: '+442079460958' }],
  ])('%j', (input, split) => {
    expect(splitPostDial(input)).toEqual(split);
  });

  test.each<[string, boolean]>([
    [',204', true],
    [';#', true],
    [',,1234;5', true],
    ['204', false],
    [',204x', false],
    [`,${'1'.repeat(40)}`, false],
  ])('%j is a post-dial string: %s', (value, ok) => {
    expect(isPostDial(value)).toBe(ok);
  });
});

describe('post-dial steps', () => {
  test.each<[string, PostDialStep[]]>([
    [',204', [{ kind: 'pause', ms: PAUSE_MS }, { kind: 'digits', digits: '204' }]],
    [',,204', [{ kind: 'pause', ms: 2000 }, { kind: 'pause', ms: 2000 }, { kind: 'digits', digits: '204' }]],
    [';204', [{ kind: 'wait' }, { kind: 'digits', digits: '204' }]],
    [',1234;#9', [{ kind: 'pause', ms: 2000 }, { kind: 'digits', digits: '1234' }, { kind: 'wait' }, { kind: 'digits', digits: '#9' }]],
  ])('%j', (postDial, steps) => {
    expect(postDialSteps(postDial)).toEqual(steps);
  });
});

describe('what a call sends once connected', () => {
  const dtmf = { extensionMode: 'dtmf' as const, extensionDelayMs: 2000 };
  test.each<[string, ResolvedTarget, typeof dtmf | { extensionMode: 'comma' | 'star'; extensionDelayMs: number }, PostDialStep[]]>([
    ['nothing for a plain number', { kind: 'phone', e164: '+442079460958' }, dtmf, []],
    ['the extension after the delay', { kind: 'phone', e164: '+442079460958', ext: '204' }, dtmf, [{ kind: 'pause', ms: 2000 }, { kind: 'digits', digits: '204', extension: true }]],
    ['the extension after a chosen delay', { kind: 'phone', e164: '+442079460958', ext: '204' }, { extensionMode: 'dtmf', extensionDelayMs: 500 }, [{ kind: 'pause', ms: 500 }, { kind: 'digits', digits: '204', extension: true }]],
    ['no extension digits when the PBX takes it in the number (comma)', { kind: 'phone', e164: '+442079460958', ext: '204' }, { extensionMode: 'comma', extensionDelayMs: 2000 }, []],
    ['no extension digits when the PBX takes it in the number (star)', { kind: 'phone', e164: '+442079460958', ext: '204' }, { extensionMode: 'star', extensionDelayMs: 2000 }, []],
    ['typed pauses', { kind: 'phone', e164: '+442079460958', postDial: ';5' }, dtmf, [{ kind: 'wait' }, { kind: 'digits', digits: '5' }]],
    ['the extension, then typed pauses', { kind: 'phone', e164: '+442079460958', ext: '204', postDial: ',9' }, dtmf, [{ kind: 'pause', ms: 2000 }, { kind: 'digits', digits: '204', extension: true }, { kind: 'pause', ms: 2000 }, { kind: 'digits', digits: '9' }]],
    ['nothing for a SIP address', { kind: 'sip', uri: 'sip:bob@example.com' }, dtmf, []],
    ['nothing for an internal extension', { kind: 'user', user: '204' }, dtmf, []],
  ])('%s', (_name, target, options, steps) => {
    expect(postDialPlan(target, options)).toEqual(steps);
  });
});
