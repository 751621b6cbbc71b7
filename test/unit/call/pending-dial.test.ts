import { describe, expect, test } from 'vitest';
import { PendingDial } from '../../../src/call/pending-dial';

/** A dial whose outcome the test decides. */
function deferred() {
  let resolve!: (value: string) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the dial being set up', () => {
  test('a second dial of the same number joins the first instead of placing another', async () => {
    const pending = new PendingDial<string>();
    const first = deferred();
    let placed = 0;
    const place = () => {
      placed++;
      return first.promise;
    };
    const a = pending.join('+44', place, () => 'busy');
    const b = pending.join('+44', place, () => 'busy');
    first.resolve('call-1');
    expect(await a).toBe('call-1');
    expect(await b).toBe('call-1');
    expect(placed).toBe(1);
  });

  test('another number is refused while one is being set up, and can dial once it is done', async () => {
    const pending = new PendingDial<string>();
    const first = deferred();
    const a = pending.join('+44', () => first.promise, () => 'busy');
    expect(await pending.join('+49', () => Promise.resolve('call-2'), () => 'busy')).toBe('busy');
    first.resolve('call-1');
    await a;
    expect(await pending.join('+49', () => Promise.resolve('call-2'), () => 'busy')).toBe('call-2');
  });

  test('a failed dial does not block the next one', async () => {
    const pending = new PendingDial<string>();
    const first = deferred();
    const a = pending.join('+44', () => first.promise, () => 'busy');
    first.reject(new Error('no network'));
    await expect(a).rejects.toThrow('no network');
    expect(await pending.join('+44', () => Promise.resolve('call-2'), () => 'busy')).toBe('call-2');
  });
});
