import { describe, expect, test } from 'vitest';
import { findLinkMatches } from '../../../src/phone/link-matches';
import { cutPoints, MATCH_PIECE, matchInSlices, type SliceClock } from '../../../src/phone/match-in-slices';
import { POSITIVE_ROWS } from './positive-rows';

const noPause: SliceClock = { now: () => 0, pause: () => Promise.resolve(), sliceMs: Infinity };

/** The positive rows of one country, joined into one long text. */
function longText(country: string | undefined, joiner: string): string {
  return POSITIVE_ROWS.filter(([, c]) => c === country).map(([input]) => input).join(joiner);
}

describe('matching in slices', () => {
  test('short texts: the same matches as in one go', async () => {
    const texts = POSITIVE_ROWS.filter(([, c]) => c === 'US').map(([input]) => input);
    expect(await matchInSlices(texts, 'US', noPause)).toEqual(findLinkMatches(texts, 'US'));
  });

  test.each([
    ['lines', '\n'],
    ['sentences', '. Then we talked about the weather for a while and '],
    ['list', ', '],
  ])('long texts (%s): the same matches as in one go', async (_name, joiner) => {
    for (const country of ['US', 'GB', 'DE', 'FR']) {
      const text = Array.from({ length: 12 }, () => longText(country, joiner)).join(joiner);
      expect(text.length).toBeGreaterThan(MATCH_PIECE * 2);
      const [sliced] = await matchInSlices([text], country, noPause);
      const [whole] = findLinkMatches([text], country);
      expect(sliced?.map((m) => [m.start, m.e164])).toEqual(whole?.map((m) => [m.start, m.e164]));
    }
  });

  test('pieces are at most MATCH_PIECE long and cover the text', () => {
    for (const text of ['1 '.repeat(5000), 'x'.repeat(4321), `${'word '.repeat(900)}\n${'1-'.repeat(900)}`]) {
      const ends = cutPoints(text);
      let from = 0;
      for (const end of ends) {
        expect(end - from).toBeGreaterThan(0);
        expect(end - from).toBeLessThanOrEqual(MATCH_PIECE);
        from = end;
      }
      expect(from).toBe(text.length);
    }
  });

  test('pauses whenever a slice has used its time', async () => {
    let now = 0;
    let pauses = 0;
    const clock: SliceClock = {
      now: () => (now += 3),
      pause: async () => {
        pauses++;
      },
      sliceMs: 8,
    };
    await matchInSlices(['Call 213-373-4253 '.repeat(1000)], 'US', clock);
    expect(pauses).toBeGreaterThan(2);
  });
});
