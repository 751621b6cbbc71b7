import { describe, expect, test } from 'vitest';
import { findPhoneNumbers } from '../../../src/phone/find-phone-numbers';
import { DECOYS } from './decoy-rows';

const ROWS = Object.entries(DECOYS).flatMap(([kind, inputs]) =>
  inputs.flatMap((input) => ['US', 'DE', 'GB'].map((country): [string, string, string] => [kind, input, country])),
);

describe('findPhoneNumbers leaves things that are not phone numbers alone', () => {
  test.each(ROWS)('%s: %j (%s)', (_kind, input, country) => {
    expect(findPhoneNumbers(input, { defaultCountry: country })).toEqual([]);
  });

  test.each([
    ['2024/03/15', 'JP'],
    ['15/03/2024 - 22/03/2024', 'FR'],
    ['₹ 81,23,456', 'IN'],
    ['1 234 567 Ft', 'HU'],
    ['Umsatz 12.345.678 CHF', 'CH'],
    ['15.03.2024 – 22.03.2024', 'AT'],
    ['9400 1000 0000 0000 0000 00', 'FR'],
  ])('%j (%s)', (input, country) => {
    expect(findPhoneNumbers(input, { defaultCountry: country })).toEqual([]);
  });
});

test('the decoy table covers every class with several rows', () => {
  for (const inputs of Object.values(DECOYS)) expect(inputs.length).toBeGreaterThanOrEqual(3);
});
