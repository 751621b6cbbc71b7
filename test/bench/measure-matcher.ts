/**
 * Matching throughput on the text it is slowest on (part of `npm run bench`): 200 KB of each worst-case digit and
 * separator run, matched the way the background matches page text — in pieces (src/phone/match-pieces.ts) read with
 * their neighbours' edges — and, for comparison, plain prose with phone numbers. Runs in Node: the matcher is pure.
 */
import { findPhoneNumbers } from '../../src/phone/find-phone-numbers';
import { cutPoints, MATCH_OVERLAP } from '../../src/phone/match-pieces';

const SIZE = 200_000;
const KINDS: Record<string, string> = {
  '"12 " repeated': '12 ',
  '"1-2 " repeated': '1-2 ',
  '"12." repeated': '12.',
  '"(1) 2-3.4 /5 " repeated': '(1) 2-3.4 /5 ',
  'prose with numbers': 'We met on Tuesday; call +1 213-373-4253 or (415) 373-4253 for the notes. ',
};

export interface MatcherSpeed {
  kind: string;
  mbPerSecond: number;
}

function matchSliced(text: string): number {
  let found = 0;
  let from = 0;
  for (const to of cutPoints(text)) {
    found += findPhoneNumbers(text.slice(Math.max(0, from - MATCH_OVERLAP), Math.min(text.length, to + MATCH_OVERLAP)), { defaultCountry: 'US' }).length;
    from = to;
  }
  return found;
}

export function measureMatcher(): MatcherSpeed[] {
  return Object.entries(KINDS).map(([kind, unit]) => {
    const text = unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
    matchSliced(text.slice(0, 20_000));
    const start = performance.now();
    matchSliced(text);
    const seconds = (performance.now() - start) / 1000;
    return { kind, mbPerSecond: SIZE / 1e6 / seconds };
  });
}
