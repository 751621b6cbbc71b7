import { expect, test } from 'vitest';
import { formatPhone } from '../../../src/phone/format-phone';

test.each([
  ['+442079460958', '+44 20 7946 0958'],
  ['+447911123456', '+44 7911 123456'],
  ['+12133734253', '+1 213 373 4253'],
  ['+493012345678', '+49 30 12345678'],
  ['+33123456789', '+33 1 23 45 67 89'],
  ['+81312345678', '+81 3 1234 5678'],
  ['not a number', 'not a number'],
])('formatPhone(%j) = %j', (e164, formatted) => {
  expect(formatPhone(e164)).toBe(formatted);
});
