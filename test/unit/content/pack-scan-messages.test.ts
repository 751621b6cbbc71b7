import { describe, expect, test } from 'vitest';
import { packScanMessages, type ScanMessage } from '../../../content/pack-scan-messages';
import { SCAN_LIMITS } from '../../../src/messaging/scan-limits';

interface FakeRun {
  name: string;
  texts: string[];
}

/** A run of `length` characters: words and a phone number, with line breaks where a long run may be cut. */
function run(name: string, length: number): FakeRun {
  const line = 'Call 213 373 4401 today\n';
  return { name, texts: [line.repeat(Math.ceil(length / line.length)).slice(0, length)] };
}

const runs = (count: number, length: number) => Array.from({ length: count }, (_, i) => run(`r${i}`, length));
const sizes = (messages: Array<ScanMessage<FakeRun>>) => messages.map((m) => m.texts.length);
const runsPer = (messages: Array<ScanMessage<FakeRun>>) => messages.map((m) => new Set(m.pieces.map((p) => p.run)).size);
const chars = (m: ScanMessage<FakeRun>) => m.texts.reduce((sum, t) => sum + t.length, 0);

describe('packing candidate runs into page:scan messages', () => {
  test.each([
    ['one short run', runs(1, 30), [1]],
    ['300 short runs (a later batch) in one message', runs(300, 30), [300]],
    ['more runs than a message may hold texts', runs(2500, 30), [1000, 1000, 500]],
    ['runs of 16,000 characters: 25 fill the 400,000 characters of a message', runs(60, 16_000), [25, 25, 10]],
  ])('%s → %j texts per message', (_name, input, expected) => {
    expect(sizes(packScanMessages(input))).toEqual(expected);
  });

  test('a long run is cut into pieces of at most 20,000 characters, sent together', () => {
    const [message, ...rest] = packScanMessages([run('long', 50_000)]);
    expect(rest).toEqual([]);
    expect(message?.texts.length).toBeGreaterThan(2);
    for (const text of message?.texts ?? []) expect(text.length).toBeLessThanOrEqual(SCAN_LIMITS.chars);
  });

  test('a run whose pieces would not all fit goes whole into the next message', () => {
    const input = [...runs(24, 16_000), run('long', 40_000)];
    const messages = packScanMessages(input);
    expect(runsPer(messages)).toEqual([24, 1]);
    expect(messages[1]?.pieces.every((p) => p.run.name === 'long')).toBe(true);
  });

  test('a run that would take the message past its text count goes whole into the next one', () => {
    const messages = packScanMessages([...runs(999, 30), run('long', 40_000)]);
    expect(sizes(messages)).toEqual([999, 3]);
  });

  test('only a run over 400,000 characters is split over messages, each within the limits', () => {
    const huge = run('huge', 1_000_000);
    const messages = packScanMessages([run('before', 30), huge, run('after', 30)]);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages[0]?.pieces[0]?.run.name).toBe('before');
    expect(messages.at(-1)?.pieces.at(-1)?.run.name).toBe('after');
    for (const m of messages) {
      expect(chars(m)).toBeLessThanOrEqual(SCAN_LIMITS.total);
      expect(m.texts.length).toBeLessThanOrEqual(SCAN_LIMITS.texts);
    }
  });

  test('every piece says where its text starts in its run, so matches map back to the page', () => {
    const input = [run('a', 30), run('b', 45_000), { name: 'glued', texts: ['Sales', '(213) 373-4401'] }, run('huge', 900_000)];
    const messages = packScanMessages(input);
    for (const r of input) {
      const pieces = messages.flatMap((m) => m.pieces.map((p, i) => ({ ...p, text: m.texts[i] as string }))).filter((p) => p.run === r);
      const joined = pieces[0]?.joined.text;
      // In order and without gaps: the pieces are the joined text (what the matcher reads), cut.
      expect(pieces.map((p) => p.text).join('')).toBe(joined);
      for (const p of pieces) expect(joined?.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
    }
    // The matcher reads "Sales (213) 373-4401"; positions map back to the page's "Sales(213) 373-4401".
    const glued = messages.flatMap((m) => m.pieces).find((p) => p.run.name === 'glued');
    expect(glued?.joined.text).toBe('Sales (213) 373-4401');
    expect(glued?.joined.toRaw(6)).toBe(5);
  });

  test('nothing to send makes no message', () => {
    expect(packScanMessages([])).toEqual([]);
  });
});
