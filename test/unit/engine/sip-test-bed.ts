import { expect, vi } from 'vitest';
import { EMPTY_ACCOUNT, type Account } from '../../../src/settings/account';

export const ACCOUNT: Account = {
  ...EMPTY_ACCOUNT,
  server: 'wss://sip.example.org',
  domain: 'example.org',
  username: 'alice',
  password: 'secret',
};

/**
 * Fake clock for timers and Date; microtasks and setImmediate stay real, so sip.js's promise chains run while
 * {@link settle} waits and nothing that waits on a timer fires before the test moves the clock.
 */
export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/** Lets every pending promise chain run (a macrotask turn is after all microtasks). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Settles, then fails with `what` unless `check()` holds. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 50 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}`);
}

/** Moves the fake clock on by `ms`, letting promise chains run between the timers. */
export async function wait(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}

/**
 * Collects promise rejections nobody handled while a test runs: sip.js calls our delegates inside its own promise
 * chains, so an error thrown there (an illegal state move) surfaces only as an unhandled rejection.
 */
export function watchUnhandled(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const onRejection = (reason: unknown) => errors.push(reason);
  process.on('unhandledRejection', onRejection);
  return { errors, stop: () => void process.off('unhandledRejection', onRejection) };
}

/**
 * The end of every engine test: the connection torn down, and neither the fake server nor the process saw an error
 * (a sip.js callback that threw shows up as an unhandled rejection).
 */
export async function expectCleanEnd(connection: { configure(account: undefined): Promise<void> }, server: { errors: unknown[] }, unhandled: { errors: unknown[]; stop(): void }): Promise<void> {
  await connection.configure(undefined);
  unhandled.stop();
  expect(server.errors).toEqual([]);
  expect(unhandled.errors).toEqual([]);
  vi.useRealTimers();
}
