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
/** Bound on time(4n) / time(n): linear ≈ 4, quadratic ≈ 16. */
const LINEAR_BOUND = 8;
const COUNTRIES = [undefined, 'US', 'GB', 'DE', 'FR', 'IN', 'BR', 'JP', 'XX', ''];

/**
 * How much longer `fn(large)` takes than `fn(small)`: the fastest of several interleaved timings of each (the least
 * disturbed by the rest of the machine), so a busy machine slows both alike.
 */
function growth<T>(fn: (input: T) => unknown, small: T, large: T, runs = 5): number {
  let a = Infinity;
  let b = Infinity;
  fn(small);
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    fn(small);
    a = Math.min(a, performance.now() - start);
    start = performance.now();
    fn(large);
    b = Math.min(b, performance.now() - start);
  }
  return b / a;
}

/** Fastest of `runs` timings of `fn` (ms). */
function fastest(fn: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function growthAsync<T>(fn: (input: T) => Promise<unknown>, small: T, large: T, runs = 3): Promise<number> {
  let a = Infinity;
  let b = Infinity;
  await fn(small);
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await fn(small);
    a = Math.min(a, performance.now() - start);
    start = performance.now();
    await fn(large);
    b = Math.min(b, performance.now() - start);
  }
  return b / a;
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
  }, 30_000);

  test('a 1 MB text through the content script\'s pieces', () => {
    const text = randomText(random(9), 300_000).slice(0, 1_000_000);
    const cut = cutRun(text);
    expect(cut.map((c) => c.text).join('')).toBe(text);
    expect(joinRun([text]).text).toBe(text);
  });
});

describe('detector fuzz: linear time on the worst input', () => {
  // Each check times the input and four times the input: linear work grows ×4, quadratic ×16. The bound of 8 sits
  // halfway (in ratio), so a noisy machine does not fail a linear step and a quadratic one cannot pass.
  test('the background matcher (matchInSlices): four times the text takes about four times as long', async () => {
    const match = (text: string) => matchInSlices([text], 'US', noPause);
    expect(await growthAsync(match, worstText('12 ', 3_000), worstText('12 ', 12_000))).toBeLessThan(LINEAR_BOUND);
  }, 30_000);

  test.each([
    // "a1" pieces: every join adds a space (a letter glued to a number), the most work toRaw can have.
    ['cutRun', 'a1 -', 1_000_000, (text: string) => cutRun(text)],
    ['candidateSpans', '1 2-3.4/', 2_000_000, (text: string) => candidateSpans(text)],
    ['cleanText + separateLabels', 'Tel1\u00A0', 250_000, (text: string) => separateLabels(cleanText(text))],
  ])('%s on worst-case text: linear', (_name, unit, size, fn) => {
    // Sizes where one call takes tens of milliseconds: shorter ones measure the garbage collector more than the code.
    const ratio = growth(fn, worstText(unit, size / 2), worstText(unit, 2 * size));
    expect(ratio).toBeLessThan(LINEAR_BOUND);
  }, 30_000);

  test('joinRun of a run of 3-character text nodes, and toRaw of its positions: linear', () => {
    const nodes = (length: number) => worstText('a1 -', length).match(/.{1,3}/gsu) ?? [];
    const join = (texts: string[]) => {
      const joined = joinRun(texts);
      for (let p = 0; p < joined.text.length; p += 7) joined.toRaw(p);
    };
    expect(growth(join, nodes(125_000), nodes(500_000))).toBeLessThan(LINEAR_BOUND);
  }, 30_000);

  test('findLinkMatches on one piece of every worst-case kind stays in the milliseconds', () => {
    for (const unit of WORST_UNITS) {
      const text = worstText(unit, 1000);
      findLinkMatches([text], 'US');
      expect(fastest(() => findLinkMatches([text], 'US'))).toBeLessThan(250);
    }
  });
});
