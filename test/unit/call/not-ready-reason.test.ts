import { beforeAll, describe, expect, test } from 'vitest';
import { notReadyReason } from '../../../src/call/not-ready-reason';
import { RegistrationState as R } from '../../../src/call/registration-state';
import { setLanguage } from '../../../src/i18n/t';

beforeAll(() => setLanguage('en'));

describe('why no call can be placed yet', () => {
  test.each<[R, string | undefined]>([
    [R.Registered, undefined],
    [R.Disabled, undefined],
    [R.Unconfigured, "Set up your SIP account in Dialable's options first."],
    [R.Failed, 'Dialable is not connected to your SIP server: Wrong password'],
    [R.Connecting, 'Dialable is not connected to your SIP server: Wrong password'],
    [R.Waiting, 'Dialable is not connected to your SIP server: Wrong password'],
  ])('%s', (state, reason) => {
    expect(notReadyReason(state, 'Wrong password')).toBe(reason);
  });
});
