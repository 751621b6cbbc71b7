/**
 * Detection reach (issue 22): Dialable's findPhoneNumbers against libphonenumber-js findPhoneNumbersInText (with the
 * row's default country, and without one) on the same labelled set. Prints a table per class and per negative kind.
 */
import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, test } from 'vitest';
import { findPhoneNumbers } from '../../../src/phone/find-phone-numbers';
import { REACH_NEGATIVES } from './reach-negatives';
import { CONTEXT_CLASSES, REACH_POSITIVES, type ReachRow } from './reach-positives';

interface Hit {
  e164: string;
  text: string;
}

const dialable = (text: string, country: string | undefined): Hit[] =>
  findPhoneNumbers(text, country ? { defaultCountry: country } : {}).map((m) => ({ e164: m.e164, text: text.slice(m.start, m.end) }));

const library = (text: string, country: string | undefined): Hit[] =>
  findPhoneNumbersInText(text, country ? { defaultCountry: country as CountryCode } : undefined).map((m) => ({
    e164: m.number.number,
    text: text.slice(m.startsAt, m.endsAt),
  }));

/** Dialable's link must cover exactly the number as written; libphonenumber's slices take brackets in, so by number. */
const exact = (a: Hit, b: Hit) => a.e164 === b.e164 && a.text === b.text;
const sameNumber = (a: Hit, b: Hit) => a.e164 === b.e164;

interface Score {
  rows: number;
  expected: number;
  found: number;
  right: number;
}

const empty = (): Score => ({ rows: 0, expected: 0, found: 0, right: 0 });
const ratio = (a: number, b: number) => (b === 0 ? '   -' : (a / b).toFixed(2));

function score(into: Score, row: ReachRow, hits: Hit[], same: (a: Hit, b: Hit) => boolean): void {
  into.rows++;
  into.expected += row.expected.length;
  into.found += hits.length;
  into.right += hits.filter((h) => row.expected.some((e) => same(h, e))).length;
}

const readings = REACH_POSITIVES.map((row) => ({
  row,
  dialable: dialable(row.text, row.country),
  withCountry: library(row.text, row.country),
  without: library(row.text, undefined),
}));


describe('reach set: the labelled strings themselves', () => {
  test('at least 400 positive strings over at least 25 countries, and 300 distinct hard negatives', () => {
    expect(REACH_POSITIVES.length).toBeGreaterThanOrEqual(400);
    const countries = new Set(REACH_POSITIVES.flatMap((r) => r.expected.map((e) => parsePhoneNumberFromString(e.e164)?.country)));
    expect(countries.size).toBeGreaterThanOrEqual(25);
    expect(new Set(REACH_NEGATIVES.map((r) => r.text)).size).toBeGreaterThanOrEqual(300);
  }, 60_000);

  test('every expected number is valid in the max metadata and written in its row', () => {
    for (const row of REACH_POSITIVES) {
      for (const e of row.expected) {
        expect(parsePhoneNumberFromString(e.e164)?.isValid(), `${e.e164} in ${JSON.stringify(row.text)}`).toBe(true);
        expect(row.text.includes(e.text), e.text).toBe(true);
      }
    }
  }, 60_000);
});

describe('reach set: Dialable against libphonenumber-js', () => {
  test('positives: per class recall and precision (printed); Dialable finds every number libphonenumber finds', () => {
    const table = new Map<string, { d: Score; l: Score; l0: Score }>();
    const misses: string[] = [];
    for (const r of readings) {
      const entry = table.get(r.row.cls) ?? { d: empty(), l: empty(), l0: empty() };
      table.set(r.row.cls, entry);
      score(entry.d, r.row, r.dialable, exact);
      score(entry.l, r.row, r.withCountry, sameNumber);
      score(entry.l0, r.row, r.without, sameNumber);
      for (const e of r.row.expected) {
        const libraryFound = [...r.withCountry, ...r.without].some((h) => sameNumber(h, e));
        if (libraryFound && !r.dialable.some((h) => exact(h, e))) misses.push(`${r.row.cls} ${r.row.country ?? '--'} ${JSON.stringify(r.row.text)}: ${e.e164}`);
      }
    }
    const lines = ['class                rows  numbers | Dialable recall precision | lib+country recall precision | lib alone recall precision'];
    for (const [cls, { d, l, l0 }] of table) {
      lines.push(
        `${cls.padEnd(20)} ${String(d.rows).padStart(4)} ${String(d.expected).padStart(8)} |` +
          `          ${ratio(d.right, d.expected)}      ${ratio(d.right, d.found)} |` +
          `             ${ratio(l.right, l.expected)}      ${ratio(l.right, l.found)} |` +
          `           ${ratio(l0.right, l0.expected)}      ${ratio(l0.right, l0.found)}` +
          (CONTEXT_CLASSES.includes(cls as ReachRow['cls']) ? '  (context class)' : ''),
      );
    }
    console.log(`\nReach set, ${REACH_POSITIVES.length} positive strings\n${lines.join('\n')}`);
    expect(misses, 'numbers libphonenumber finds and Dialable does not').toEqual([]);
  }, 60_000);

  test('positives: every Dialable link is a labelled number, exactly as written (precision 1.00)', () => {
    const wrong = readings.flatMap((r) =>
      r.dialable.filter((h) => !r.row.expected.some((e) => exact(h, e))).map((h) => `${r.row.cls} ${JSON.stringify(r.row.text)}: ${h.e164} ${JSON.stringify(h.text)}`),
    );
    expect(wrong).toEqual([]);
  }, 60_000);

  test('positives: every class is found in full (recall 1.00)', () => {
    const missed = readings.flatMap((r) => r.row.expected.filter((e) => !r.dialable.some((h) => exact(h, e))).map((e) => `${r.row.cls} ${r.row.country ?? '--'} ${JSON.stringify(r.row.text)}: ${e.e164}`));
    expect(missed).toEqual([]);
  }, 60_000);

  test('negatives: Dialable links at most a tenth of what libphonenumber links (printed per kind)', () => {
    const table = new Map<string, { rows: number; d: number; l: number; l0: number }>();
    const linked: string[] = [];
    for (const row of REACH_NEGATIVES) {
      const entry = table.get(row.kind) ?? { rows: 0, d: 0, l: 0, l0: 0 };
      table.set(row.kind, entry);
      const d = dialable(row.text, row.country);
      entry.rows++;
      entry.d += d.length;
      entry.l += library(row.text, row.country).length;
      entry.l0 += library(row.text, undefined).length;
      for (const h of d) linked.push(`${row.kind} ${row.country ?? '--'} ${JSON.stringify(row.text)}: ${h.e164} ${JSON.stringify(h.text)}`);
    }
    const total = { rows: 0, d: 0, l: 0, l0: 0 };
    const lines = ['kind                                  rows | Dialable links | lib+country links | lib alone links'];
    for (const [kind, t] of table) {
      for (const key of ['rows', 'd', 'l', 'l0'] as const) total[key] += t[key];
      lines.push(`${kind.padEnd(36)} ${String(t.rows).padStart(5)} | ${String(t.d).padStart(14)} | ${String(t.l).padStart(17)} | ${String(t.l0).padStart(15)}`);
    }
    lines.push(`${'all'.padEnd(36)} ${String(total.rows).padStart(5)} | ${String(total.d).padStart(14)} | ${String(total.l).padStart(17)} | ${String(total.l0).padStart(15)}`);
    console.log(`\nHard negatives, ${new Set(REACH_NEGATIVES.map((r) => r.text)).size} strings read for one or more countries\n${lines.join('\n')}`);
    if (linked.length > 0) console.log(`Dialable linked:\n  ${linked.join('\n  ')}`);
    expect(total.d).toBeLessThanOrEqual(total.l / 10);
  }, 60_000);
});
