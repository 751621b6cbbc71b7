import { describe, expect, test } from 'vitest';
import { cutRun } from '../../../content/cut-run';
import { joinRun } from '../../../content/join-run';
import { cleanText } from '../../../src/phone/clean-text';
import { findPhoneNumbers } from '../../../src/phone/find-phone-numbers';
import { candidateSpans, hasCandidate } from '../../../src/phone/has-candidate';
import { findLinkMatches } from '../../../src/phone/link-matches';
import { matchInSlices, type SliceClock } from '../../../src/phone/match-in-slices';
import { parsePhone } from '../../../src/phone/parse-phone';
import { separateLabels } from '../../../src/phone/separate-labels';
import { selectionNumber } from '../../../src/phone/selection-number';
import { int, pick, random, randomText, WORST_UNITS, worstText } from './random';

/**
 * Fuzzing the number detector and the content script's pure pieces with seeded random and adversarial text: no
 * input throws, every match lies inside its text, and the work grows linearly with the text on the inputs that
 * are slowest to match (what a hostile page would send).
 */
const noPause: SliceClock = { now: () => 0, pause: () => Promise.resolve(), sliceMs: Infinity };
const COUNTRIES = [undefined, 'US', 'GB', 'DE', 'FR', 'IN', 'BR', 'JP', 'XX', ''];

/** Fastest of `runs` timings of `fn` (ms): the least disturbed by the rest of the machine. */
function fastest(fn: () => unknown, runs = 4): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function fastestAsync(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function expectInside(matches: Array<{ start: number; end: number }>, length: number): void {
  let last = 0;
  for (const m of matches) {
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(length);
    last = m.end;
  }
}

describe('detector fuzz: nothing throws, matches stay inside their text', () => {
  test('2,000 random texts of digits, separators, labels and hostile Unicode', () => {
    const rand = random(17);
    for (let i = 0; i < 2000; i++) {
      const text = randomText(rand, 1 + int(rand, 60));
      const country = pick(rand, COUNTRIES);
      expectInside(findPhoneNumbers(text, { defaultCountry: country }), text.length);
      hasCandidate(text);
      candidateSpans(text);
      const clean = separateLabels(cleanText(text));
      expect(clean.offsets.length).toBeGreaterThanOrEqual(clean.text.length);
      parsePhone(text, country);
      selectionNumber(text, country);
    }
  });

  test('random texts cut and joined the way the content script sends them', () => {
    const rand = random(23);
    for (let i = 0; i < 80; i++) {
      const pieces = Array.from({ length: 1 + int(rand, 30) }, () => randomText(rand, int(rand, 800)));
      const joined = joinRun(pieces);
      const raw = pieces.join('');
      for (let p = 0; p <= joined.text.length; p += 1 + int(rand, 50)) {
        const back = joined.toRaw(p);
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThanOrEqual(raw.length);
      }
      const cut = cutRun(joined.text);
      expect(cut.map((c) => c.text).join('')).toBe(joined.text);
    }
  });

  test.each<[string, () => string]>([
    ['a 1 MB text of random Unicode', () => randomText(random(5), 400_000).slice(0, 1_000_000)],
    ['"((((1" repeated', () => '(((('.repeat(4000) + '1'.repeat(4000)],
    ['"+1+1+1…"', () => '+1'.repeat(10_000)],
    ['surrogate halves and combining marks', () => '\uD800\u0301\uDC001\u0302'.repeat(4000)],
    ...WORST_UNITS.map((unit): [string, () => string] => [`"${unit}" repeated`, () => worstText(unit, 20_000)]),
  ])('%s: matched in slices without an exception', async (_name, make) => {
    const text = make();
    const [matches] = await matchInSlices([text], 'US', noPause);
    expectInside(matches ?? [], text.length);
  });

  test('a 1 MB text through the content script\'s pieces', () => {
    const text = randomText(random(9), 300_000).slice(0, 1_000_000);
    const cut = cutRun(text);
    expect(cut.map((c) => c.text).join('')).toBe(text);
    expect(joinRun([text]).text).toBe(text);
  });
});

describe('detector fuzz: linear time on the worst input', () => {
  test('the background matcher (matchInSlices): twice the text takes at most about twice as long', async () => {
    const unit = '12 ';
    const n = 6_000;
    const small = worstText(unit, n);
    const large = worstText(unit, 2 * n);
    await matchInSlices([small], 'US', noPause);
    const t1 = await fastestAsync(() => matchInSlices([small], 'US', noPause));
    const t2 = await fastestAsync(() => matchInSlices([large], 'US', noPause));
    expect(t2 / t1).toBeLessThan(3);
  }, 30_000);

  test.each([
    // "a1" pieces: every join adds a space (a letter glued to a number), the most work toRaw can have.
    ['cutRun', 'a1 -', (text: string) => cutRun(text)],
    ['joinRun of 3-character nodes + toRaw', 'a1 -', (text: string) => {
      const joined = joinRun(text.match(/.{1,3}/gsu) ?? []);
      for (let p = 0; p < joined.text.length; p += 7) joined.toRaw(p);
    }],
    ['candidateSpans', '1 2-3.4/', (text: string) => candidateSpans(text)],
    ['cleanText + separateLabels', 'Tel1\u00A0', (text: string) => separateLabels(cleanText(text))],
  ])('%s on half a megabyte of worst-case text: linear', (_name, unit, fn) => {
    const small = worstText(unit, 250_000);
    const large = worstText(unit, 500_000);
    fn(small);
    const t1 = fastest(() => fn(small));
    const t2 = fastest(() => fn(large));
    expect(t2 / t1).toBeLessThan(3);
  }, 30_000);

  test('findLinkMatches on one piece of every worst-case kind stays in the milliseconds', () => {
    for (const unit of WORST_UNITS) {
      const text = worstText(unit, 1000);
      findLinkMatches([text], 'US');
      expect(fastest(() => findLinkMatches([text], 'US'))).toBeLessThan(250);
    }
  });
});
