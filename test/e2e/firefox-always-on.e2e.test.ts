import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFirefoxBed, type FirefoxBed } from './support/firefox-bed';
import { REGISTERED, restartBeforeNextTry, waitForRegistration } from './support/registration-wait';

/**
 * The always-on phone in Firefox, where the engine lives in the (minimized) phone window: the same faults as the
 * Chromium file, read from the popup and from Kamailio's location table.
 */
let bed: FirefoxBed;

beforeAll(async () => {
  bed = await startFirefoxBed({ popup: true });
}, 90_000);

afterAll(async () => {
  bed?.sip.signal('SIGCONT');
  await bed?.close();
});

// Order matters: the backoff starts over only after a minute registered (backoff.ts), and Sign in starts it over;
// the freeze test right after Sign in meets the first retry window, the kill test reads whatever window comes.
describe('always-on phone (Firefox phone window, Kamailio)', () => {
  test('Sign out unregisters at the server; Sign in registers again', async () => {
    await waitForRegistration(bed.popup, REGISTERED, 10_000);
    await bed.popup.click('[data-testid="sign-out"]');
    await waitForRegistration(bed.popup, /^Signed out/, 5_000);
    expect(await bed.sip.bindings('alice')).toBe(0);
    await bed.popup.click('[data-testid="sign-out"]');
    await waitForRegistration(bed.popup, REGISTERED, 10_000);
    expect(await bed.sip.bindings('alice')).toBe(1);
  });

  test('Kamailio frozen while idle: not shown as registered after 35 s; thawed: registered within 10 s', async () => {
    await waitForRegistration(bed.popup, REGISTERED, 10_000);
    bed.sip.signal('SIGSTOP');
    try {
      expect(await waitForRegistration(bed.popup, /^Reconnecting… The server stopped answering/, 35_000)).toBeLessThan(35_000);
    } finally {
      bed.sip.signal('SIGCONT');
    }
    expect(await waitForRegistration(bed.popup, REGISTERED, 10_000)).toBeLessThan(10_000);
  }, 60_000);

  test('Kamailio killed: "Reconnecting…" within 5 s; restarted: registered within 5 s of listening', async () => {
    await waitForRegistration(bed.popup, REGISTERED, 10_000);
    bed.sip.signal('SIGKILL');
    expect(await waitForRegistration(bed.popup, /^Reconnecting… .*Next try in/, 5_000)).toBeLessThan(5_000);
    const listening = await restartBeforeNextTry(bed.popup, bed.sip);
    await waitForRegistration(bed.popup, REGISTERED, 10_000);
    expect(Date.now() - listening).toBeLessThan(5_000);
    expect(await bed.sip.bindings('alice')).toBe(1);
  }, 40_000);
});
