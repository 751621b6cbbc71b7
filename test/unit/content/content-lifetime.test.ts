import { describe, expect, test, vi } from 'vitest';
import { contentLifetime, type RuntimeIdentity } from '../../../content/content-lifetime';

describe('contentLifetime (one signal per content-script instance)', () => {
  test('stays alive while the runtime has an id, without aborting', () => {
    const lifetime = contentLifetime(() => ({ id: 'abc' }));
    expect(lifetime.alive()).toBe(true);
    expect(lifetime.alive()).toBe(true);
    expect(lifetime.signal.aborted).toBe(false);
  });

  test('aborts once, on the first check after the id is gone (extension updated, reloaded or removed)', () => {
    let runtime: RuntimeIdentity | undefined = { id: 'abc' };
    const lifetime = contentLifetime(() => runtime);
    const onAbort = vi.fn();
    lifetime.signal.addEventListener('abort', onAbort);
    expect(lifetime.alive()).toBe(true);
    runtime = {};
    expect(onAbort).not.toHaveBeenCalled();
    expect(lifetime.alive()).toBe(false);
    expect(lifetime.signal.aborted).toBe(true);
    // The id never comes back for this instance: a new one is injected instead.
    runtime = { id: 'abc' };
    expect(lifetime.alive()).toBe(false);
    expect(onAbort).toHaveBeenCalledTimes(1);
  });

  test.each([
    ['no runtime object at all', () => undefined],
    ['a runtime whose getter throws', () => {
      throw new Error('Extension context invalidated.');
    }],
  ])('treats %s as gone', (_name, runtime: () => RuntimeIdentity | undefined) => {
    const lifetime = contentLifetime(runtime);
    expect(lifetime.alive()).toBe(false);
    expect(lifetime.signal.aborted).toBe(true);
  });
});
