import { describe, expect, test } from 'vitest';
import { parsePhone } from '../../../src/phone/parse-phone';

describe('parsePhone: selections, typed numbers and tel:/callto: links', () => {
  test.each([
    ['+44 20 7946 0958', undefined, { e164: '+442079460958' }],
    ['020 7946 0958', 'GB', { e164: '+442079460958' }],
    ['  (213) 373-4253  ', 'US', { e164: '+12133734253' }],
    ['213.373.4253', 'US', { e164: '+12133734253' }],
    ['0049 30 12345678', 'DE', { e164: '+493012345678' }],
    ['011 44 20 7946 0958', 'US', { e164: '+442079460958' }],
    ['+44 (0) 20 7946 0958', undefined, { e164: '+442079460958' }],
    ['\uff10\uff13\u2010\uff11\uff12\uff13\uff14\u2010\uff15\uff16\uff17\uff18', 'JP', { e164: '+81312345678' }],
    ['030\u00a01234\u00ad5678', 'DE', { e164: '+493012345678' }],
    ['(213) 373-4253 x204', 'US', { e164: '+12133734253', ext: '204' }],
    ['+1 213 373 4253 ext. 204', undefined, { e164: '+12133734253', ext: '204' }],
    ['tel:+12133734253', undefined, { e164: '+12133734253' }],
    ['TEL:+12133734253', undefined, { e164: '+12133734253' }],
    ['tel:+1-213-373-4253;ext=204', undefined, { e164: '+12133734253', ext: '204' }],
    ['tel:+44-20-7946-0958;phone-context=example.com', undefined, { e164: '+442079460958' }],
    ['tel:+442079460958;ext=12', 'US', { e164: '+442079460958', ext: '12' }],
    ['tel:%2B44%2020%207946%200958', undefined, { e164: '+442079460958' }],
    ['tel:+44%2020%207946%200958', undefined, { e164: '+442079460958' }],
    ['tel:020%207946%200958', 'GB', { e164: '+442079460958' }],
    ['callto:+493012345678', undefined, { e164: '+493012345678' }],
    ['callto://+493012345678', undefined, { e164: '+493012345678' }],
    ['Tel.: 020 7946 0958', 'GB', { e164: '+442079460958' }],
    ['Call (213) 373-4253 x204 now', 'US', { e164: '+12133734253', ext: '204' }],
    ['020 7946 0958 or 07911 123456', 'GB', undefined],
    ['Order 2133734253', 'US', undefined],
    ['+44 20 7946 0958', 'gb', { e164: '+442079460958' }],
    ['020 7946 0958', 'gb', { e164: '+442079460958' }],
    ['020 7946 0958', 'XX', undefined],
    ['hello', 'US', undefined],
    ['', 'US', undefined],
    ['12345', 'US', undefined],
    ['020 7946 0958', undefined, undefined],
    ['+1 213 373 425', undefined, undefined],
    ['2024-03-15', 'US', undefined],
    ['tel:javascript:alert(1)', 'US', undefined],
    ['tel:%E0%A4%A', 'US', undefined],
    ['tel:+1-213-373-4253;ext=abc', undefined, { e164: '+12133734253' }],
    ['1'.repeat(500), 'US', undefined],
  ])('%j (%s)', (input, country, expected) => {
    expect(parsePhone(input, country)).toEqual(expected);
  });
});
