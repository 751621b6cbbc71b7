import { describe, expect, test } from 'vitest';
import { applyDialRules } from '../../../src/phone/dial-rules';
import { DEFAULT_DIAL_RULES, type DialRules } from '../../../src/settings/dial-rules-schema';

const rules = (over: Partial<DialRules> = {}): DialRules => ({ ...DEFAULT_DIAL_RULES, ...over });

describe('what the plus becomes', () => {
  test.each<[string, string, Partial<DialRules>, string | undefined, string]>([
    ['kept by default', '+442079460958', {}, undefined, '+442079460958'],
    ['kept whatever the home country', '+442079460958', {}, 'GB', '+442079460958'],
    ['stripped', '+442079460958', { plus: 'strip' }, undefined, '442079460958'],
    ['the international prefix 00', '+442079460958', { plus: 'idd' }, undefined, '00442079460958'],
    ['the North American international prefix 011', '+442079460958', { plus: 'idd', idd: '011' }, 'US', '011442079460958'],
    ['national format for a home-country number (GB keeps its trunk 0)', '+442079460958', { plus: 'national' }, 'GB', '02079460958'],
    ['national format for a German number', '+493012345678', { plus: 'national' }, 'DE', '03012345678'],
    ['national format for a US number (no trunk prefix in the format)', '+12125550100', { plus: 'national' }, 'US', '2125550100'],
    ['national mode, a foreign number: the international prefix', '+442079460958', { plus: 'national' }, 'DE', '00442079460958'],
    ['national mode with 011, a foreign number', '+442079460958', { plus: 'national', idd: '011' }, 'US', '011442079460958'],
    ['national mode without a home country: international', '+442079460958', { plus: 'national' }, undefined, '00442079460958'],
    ['national mode, an Italian number keeps its leading 0', '+390612345678', { plus: 'national' }, 'IT', '0612345678'],
  ])('%s', (_name, e164, over, home, dialed) => {
    expect(applyDialRules(e164, rules(over), home)).toBe(dialed);
  });
});

describe('the outside-line prefix', () => {
  test.each<[Partial<DialRules>, string | undefined, string]>([
    [{ outsidePrefix: '9' }, undefined, '9+442079460958'],
    [{ outsidePrefix: '0', plus: 'strip' }, undefined, '0442079460958'],
    [{ outsidePrefix: '9', plus: 'idd', idd: '011' }, 'US', '9011442079460958'],
    [{ outsidePrefix: '0', plus: 'national' }, 'GB', '002079460958'],
    [{ outsidePrefix: '' }, undefined, '+442079460958'],
  ])('%j (home %s) → %s', (over, home, dialed) => {
    expect(applyDialRules('+442079460958', rules(over), home)).toBe(dialed);
  });

  test('comes before the rewritten number, not into the rewrite\'s match', () => {
    const r = rules({ plus: 'strip', outsidePrefix: '9', rewrites: [{ match: '44', replace: '0' }] });
    expect(applyDialRules('+442079460958', r, undefined)).toBe('902079460958');
  });
});

describe('rewrites', () => {
  test('match the number after the plus rule, and replace the matched start', () => {
    const r = rules({ plus: 'idd', rewrites: [{ match: '0044', replace: '0' }] });
    expect(applyDialRules('+442079460958', r, undefined)).toBe('02079460958');
  });

  test('the first matching rule wins; later ones are not applied on top', () => {
    const r = rules({ plus: 'strip', rewrites: [{ match: '44', replace: '0' }, { match: '0', replace: '999' }] });
    expect(applyDialRules('+442079460958', r, undefined)).toBe('02079460958');
  });

  test('a rule that does not match is skipped for the next one', () => {
    const r = rules({ plus: 'strip', rewrites: [{ match: '49', replace: '0' }, { match: '44', replace: '8' }] });
    expect(applyDialRules('+442079460958', r, undefined)).toBe('82079460958');
  });

  test('a rule can match the plus itself', () => {
    const r = rules({ rewrites: [{ match: '+44', replace: '0' }] });
    expect(applyDialRules('+442079460958', r, undefined)).toBe('02079460958');
  });

  test('an empty match never applies (it would match every number)', () => {
    const r = rules({ plus: 'strip', rewrites: [{ match: '', replace: '5' }] });
    expect(applyDialRules('+442079460958', r, undefined)).toBe('442079460958');
  });

  test.each<[number | undefined, number | undefined, string]>([
    [12, undefined, '02079460958'],
    [13, undefined, '442079460958'],
    [undefined, 12, '02079460958'],
    [undefined, 11, '442079460958'],
    [10, 14, '02079460958'],
  ])('length limits [%s-%s] on the 12-digit number → %s', (minLength, maxLength, dialed) => {
    const rewrite = { match: '44', replace: '0', ...(minLength === undefined ? {} : { minLength }), ...(maxLength === undefined ? {} : { maxLength }) };
    expect(applyDialRules('+442079460958', rules({ plus: 'strip', rewrites: [rewrite] }), undefined)).toBe(dialed);
  });

  test('the own office\'s numbers by their 4-digit extension, every other number as it was', () => {
    const r = rules({ plus: 'national', rewrites: [{ match: '0207946', replace: '', minLength: 11, maxLength: 11 }] });
    expect(applyDialRules('+442079460958', r, 'GB')).toBe('0958');
    expect(applyDialRules('+442071234567', r, 'GB')).toBe('02071234567');
  });
});
