import { describe, expect, test } from 'vitest';
import { resolveDialTarget } from '../../../background/worker/resolve-dial-target';
import type { ResolvedTarget } from '../../../src/messaging/protocol';

const phone = (over: Partial<Extract<ResolvedTarget, { kind: 'phone' }>> = {}): ResolvedTarget => ({ kind: 'phone', e164: '+442079460958', ...over });

describe('extensions and pauses travel with the number to the engine', () => {
  test.each<[string, ResolvedTarget | undefined]>([
    // Links on pages (our own and the page's).
    ['tel:+442079460958;ext=204', phone({ ext: '204' })],
    ['tel:+442079460958,204', phone({ postDial: ',204' })],
    ['tel:+442079460958,,204;#', phone({ postDial: ',,204;#' })],
    ['callto:+442079460958;ext=12', phone({ ext: '12' })],
    ['tel:+442079460958;ext=abc', phone()],
    // Typed or pasted into the popup.
    ['+44 20 7946 0958 x204', phone({ ext: '204' })],
    ['+44 20 7946 0958 ext. 204', phone({ ext: '204' })],
    ['+44 20 7946 0958 extension 204', phone({ ext: '204' })],
    ['020 7946 0958 x204', phone({ ext: '204' })],
    ['+44 20 7946 0958,204', phone({ postDial: ',204' })],
    ['+44 20 7946 0958;204', phone({ postDial: ';204' })],
    ['+44 20 7946 0958 x204,,5', phone({ ext: '204', postDial: ',,5' })],
    ['+442079460958;ext=204', phone({ ext: '204' })],
    ['+44 20 7946 0958', phone()],
  ])('%j', (input, target) => {
    expect(resolveDialTarget(input, 'GB', true)).toEqual(target);
  });

  test('a link is parsed the same way as typed text, without the typed-only targets', () => {
    expect(resolveDialTarget('tel:+442079460958,204', 'GB')).toEqual(phone({ postDial: ',204' }));
    expect(resolveDialTarget('204,1', 'GB')).toBeUndefined();
  });

  test('an internal extension or a SIP address has no post-dial part', () => {
    expect(resolveDialTarget('204', 'GB', true)).toEqual({ kind: 'user', user: '204' });
    expect(resolveDialTarget('sip:bob@example.com', 'GB', true)).toEqual({ kind: 'sip', uri: 'sip:bob@example.com' });
  });
});
