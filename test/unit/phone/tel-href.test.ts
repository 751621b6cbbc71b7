import { expect, test } from 'vitest';
import { telHref } from '../../../src/phone/tel-href';

test.each([
  ['+442079460958', undefined, 'tel:+442079460958'],
  ['+12133734253', '204', 'tel:+12133734253;ext=204'],
  ['+4915123456789', undefined, 'tel:+4915123456789'],
  ['+81312345678', '', 'tel:+81312345678'],
])('telHref(%j, %j) = %j', (e164, ext, href) => {
  expect(telHref(e164, ext)).toBe(href);
});
