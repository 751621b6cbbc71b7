import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RegistrationWatch } from '../../../src/call/registration-watch';
import { RegistrationState as R } from '../../../src/call/registration-state';

describe('"registration lost for more than a minute"', () => {
  let told: unknown[];
  let watch: RegistrationWatch;
  beforeEach(() => {
    vi.useFakeTimers();
    told = [];
    watch = new RegistrationWatch((change) => told.push(change));
  });
  afterEach(() => {
    watch.dispose();
    vi.useRealTimers();
  });

  test('tells once after a minute without registration, and again when it is back', () => {
    watch.update(R.Registered, 'Registered as a@b');
    watch.update(R.Waiting, 'Cannot reach wss://x. Next try in 2 s.');
    vi.advanceTimersByTime(30_000);
    watch.update(R.Connecting, 'Connecting to wss://x…');
    watch.update(R.Waiting, 'Cannot reach wss://x. Next try in 8 s.');
    expect(told).toEqual([]);
    vi.advanceTimersByTime(30_000);
    expect(told).toEqual([{ lost: true, message: 'Cannot reach wss://x. Next try in 8 s.' }]);
    watch.update(R.Waiting, 'again');
    vi.advanceTimersByTime(120_000);
    expect(told).toHaveLength(1);
    watch.update(R.Registering, 'Registering…');
    watch.update(R.Registered, 'Registered as a@b');
    expect(told).toEqual([{ lost: true, message: 'Cannot reach wss://x. Next try in 8 s.' }, { lost: false }]);
  });

  test('a short reconnect stays silent', () => {
    watch.update(R.Registered, 'ok');
    watch.update(R.Waiting, 'lost');
    vi.advanceTimersByTime(59_000);
    watch.update(R.Registered, 'ok');
    vi.advanceTimersByTime(120_000);
    expect(told).toEqual([]);
  });

  test('never registered (first start with the server down) or switched off by the user: nothing to report', () => {
    watch.update(R.Connecting, 'c');
    watch.update(R.Waiting, 'w');
    vi.advanceTimersByTime(120_000);
    watch.update(R.Registered, 'ok');
    watch.update(R.Unconfigured, 'removed');
    vi.advanceTimersByTime(120_000);
    expect(told).toEqual([]);
  });

  test('the delay can be shortened (tests)', () => {
    watch.delayMs = 1_000;
    watch.update(R.Registered, 'ok');
    watch.update(R.Failed, 'The server rejected the username or password (401).');
    vi.advanceTimersByTime(1_000);
    expect(told).toEqual([{ lost: true, message: 'The server rejected the username or password (401).' }]);
  });
});
