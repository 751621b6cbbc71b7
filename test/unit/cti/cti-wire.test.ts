import { describe, expect, test } from 'vitest';
import { parseCtiCommand } from '../../../src/cti/cti-wire';

describe('a page command is hostile input', () => {
  test('well-formed commands pass with only the fields they may carry', () => {
    expect(parseCtiCommand({ type: 'dialable:command', id: 1, command: 'call', number: '+44 20 7946 0958', extra: { x: 1 } })).toEqual({ id: 1, request: { command: 'call', number: '+44 20 7946 0958' } });
    expect(parseCtiCommand({ type: 'dialable:command', id: 'a', command: 'dtmf', digits: '12#*', callId: 'c1' })).toEqual({ id: 'a', request: { command: 'dtmf', digits: '12#*', callId: 'c1' } });
  });

  test('not ours, or without a usable id: ignored', () => {
    for (const data of [null, 'dialable:command', [1], { type: 'other', id: 1, command: 'status' }, { type: 'dialable:command', command: 'status' }, { type: 'dialable:command', id: {}, command: 'status' }, { type: 'dialable:command', id: 'x'.repeat(500), command: 'status' }]) {
      expect(parseCtiCommand(data)).toBeUndefined();
    }
  });

  test('ours but malformed: marked invalid (the reply says invalid-command), arguments dropped', () => {
    for (const data of [
      { command: 'reboot' },
      { command: 'call' },
      { command: 'call', number: 12 },
      { command: 'call', number: '1'.repeat(300) },
      { command: 'dtmf', digits: '1;2' },
      { command: 'transfer', target: '' },
    ]) {
      const parsed = parseCtiCommand({ type: 'dialable:command', id: 7, ...data });
      expect(parsed?.request.invalid).toBe(true);
      expect(Object.keys(parsed?.request ?? {}).sort()).toEqual(['command', 'invalid']);
    }
  });

  test('getters and inherited fields are not read', () => {
    let read = false;
    const data = Object.create({ number: '+442079460958' }) as Record<string, unknown>;
    Object.assign(data, { type: 'dialable:command', id: 1, command: 'call' });
    Object.defineProperty(data, 'digits', { get: () => ((read = true), '1'), enumerable: true });
    expect(parseCtiCommand(data)?.request.invalid).toBe(true);
    expect(read).toBe(false);
  });
});
