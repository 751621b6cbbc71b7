import { describe, expect, test } from 'vitest';
import { CallState as C } from '../../../src/call/call-state';
import { currentCall } from '../../../src/call/current-call';

const call = (id: string, state: C, held = state === C.OnHold) => ({ id, state, held });

describe('the call the controls act on', () => {
  test('the one call, whatever its state', () => {
    expect(currentCall([call('a', C.Connected)])?.id).toBe('a');
    expect(currentCall([call('a', C.Ended)])?.id).toBe('a');
    expect(currentCall([])).toBeUndefined();
  });

  test('the live call, not the held one and not a second caller ringing in', () => {
    expect(currentCall([call('a', C.OnHold), call('b', C.Connected)])?.id).toBe('b');
    expect(currentCall([call('a', C.Connected), call('b', C.Incoming)])?.id).toBe('a');
    expect(currentCall([call('a', C.RemoteHold), call('b', C.Incoming)])?.id).toBe('a');
  });

  test('a consult call being dialled is live while the first waits on hold', () => {
    expect(currentCall([call('a', C.OnHold), call('b', C.Dialing)])?.id).toBe('b');
  });

  test('all held: the newest; only a caller ringing in: that call', () => {
    expect(currentCall([call('a', C.OnHold), call('b', C.OnHold)])?.id).toBe('b');
    expect(currentCall([call('a', C.Incoming)])?.id).toBe('a');
  });
});
