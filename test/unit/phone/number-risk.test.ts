import { describe, expect, test } from 'vitest';
import { numberCountry, numberRisk } from '../../../src/phone/number-risk';

describe('numbers a person would not dial by accident', () => {
  test.each([
    ['+19005550100', 'premium-rate'],
    ['+448712345678', 'premium-rate'],
    ['+491805123456', 'shared-cost'],
    ['+445512345678', 'uan'],
    ['+447012345678', 'personal-number'],
    ['+4970012345678', 'personal-number'],
    ['+15555550100', 'unknown-type'],
    ['+4990012345678', 'unknown-type'],
  ] as const)('%s is %s', (number, risk) => {
    expect(numberRisk(number)).toBe(risk);
  });

  test.each(['+442079460958', '+12133734253', '+493012345678', '+447911123456'])('%s is an ordinary number', (number) => {
    expect(numberRisk(number)).toBeUndefined();
  });

  test('the country of a number', () => {
    expect(numberCountry('+442079460958')).toBe('GB');
    expect(numberCountry('+12133734253')).toBe('US');
    expect(numberCountry('+493012345678')).toBe('DE');
  });
});
