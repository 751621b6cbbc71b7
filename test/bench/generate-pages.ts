/**
 * The synthetic benchmark pages, generated at run time from a fixed seed (same bytes on every run and machine).
 *
 * - plain-1mb.html: ~1 MB of article markup (headings, paragraphs, inline markup, lists, tables) without one digit
 *   in its text, so the content script should find no candidate and never load the scanner.
 * - fifty-1mb.html: the same kind of page with 50 phone numbers scattered through it, plus dates, prices, years,
 *   versions and percentages that must not be linked.
 * - tenk.html: a CRM-like contact table with 10,000 numbers (213-373-0000 … 213-373-9999), far taller than the viewport.
 * - typical.html: a ~100 KB article with 5 numbers and some dates and prices.
 * - tiny.html: a few lines without digits, for the eager script's start-up cost.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { random } from '../unit/fuzz/random';

export interface GeneratedPage {
  name: string;
  file: string;
  bytes: number;
  /** How many numbers the page holds (what the extension should link with default country US). */
  expectedLinks: number;
}

const KB = 1024;
const MB = 1024 * KB;


const WORDS = (
  'the of and to in is was for on that with as by at from his her their city council report said would which this ' +
  'have been more after about over into under during while against between through before within without around ' +
  'market policy water energy school hospital street river bridge winter summer morning evening weekend ' +
  'government minister company workers families students teachers doctors residents visitors officials ' +
  'announced explained suggested reported confirmed rejected approved delayed expanded reduced increased ' +
  'important difficult local national regional public private early late recent several many few other ' +
  'however meanwhile although because therefore instead perhaps likely quickly slowly carefully openly ' +
  'project budget plan program service network transport housing weather election museum library garden ' +
  'people history season question answer problem change result reason example community neighbourhood'
).split(' ');

const NAMES = 'Alice Bruno Carmen Dmitri Elena Farid Grace Hiro Ines Jonas Keiko Liam Mara Nadia Omar Petra Quinn Rosa Sven Tomas Uma Victor Wen Yara Zoe'.split(' ');
const SURNAMES = 'Abbott Baker Castro Dubois Evans Fischer Garcia Hughes Ivanova Jensen Kowalski Lopez Moreau Novak Okafor Patel Quinlan Rossi Schmidt Tanaka Ueda Varga Walsh Young Zimmer'.split(' ');
const COMPANIES = 'Acme Bluebird Cedar Delta Evergreen Falcon Granite Harbor Ironwood Juniper Keystone Lakeside Meridian Northwind Orchard Pioneer'.split(' ');
const CITIES = 'Los Angeles|Pasadena|Glendale|Burbank|Santa Monica|Long Beach|Torrance|Inglewood|Downey|Whittier'.split('|');

/** Valid with libphonenumber-js/max and default country US (checked in {@link assertValid}). */
const SCATTERED_NUMBERS = [
  '(213) 373-4253', '+44 20 7946 0958', '(212) 555-0123', '415-555-2671', '+49 30 901820', '+33 1 42 68 53 00',
  '(646) 555-0198', '312.555.0145', '+1 202 456 1111', '(202) 456-1414', '617-253-1000', '+61 2 9374 4000',
  '(718) 555-0111', '650 253 0000', '+81 3-3224-9999', '(310) 206-0000', '1-800-642-7676', '+1 (213) 373-4254',
];

const DECOYS = [
  'March 3, 2021', '2021-03-04', '12/05/2023', '$1,299.00', '€45', '£3.50', '15%', 'version 2.4.1', 'in 1998',
  '3:45 pm', 'page 214', 'Room 12B', '$24,000', '7 June 2024', 'ISBN 978-3-16-148410-0', 'order #48213',
];

class Writer {
  private readonly rand: () => number;
  constructor(seed: number) {
    this.rand = random(seed);
  }
  int(n: number): number {
    return Math.floor(this.rand() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  words(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.pick(WORDS));
    return out.join(' ');
  }
  sentence(extra?: string): string {
    const s = this.words(6 + this.int(14));
    const text = s[0]!.toUpperCase() + s.slice(1);
    return extra === undefined ? `${text}.` : `${text} ${extra} ${this.words(3)}.`;
  }
  /** A paragraph with the inline markup articles have: links, emphasis, strong, abbreviations, spans. */
  paragraph(extras: string[] = []): string {
    const parts: string[] = [];
    const count = 3 + this.int(5);
    for (let i = 0; i < count; i++) {
      let s = this.sentence(i < extras.length ? extras[i] : undefined);
      switch (this.int(6)) {
        case 0: s = s.replace(/ (\w+ \w+) /, ' <a href="#ref">$1</a> '); break;
        case 1: s = s.replace(/ (\w+) /, ' <em>$1</em> '); break;
        case 2: s = s.replace(/ (\w+ \w+) /, ' <strong>$1</strong> '); break;
        case 3: s = s.replace(/ (\w+) /, ' <span class="hl">$1</span> '); break;
        default: break;
      }
      parts.push(s);
    }
    return `<p>${parts.join(' ')}</p>\n`;
  }
  list(): string {
    const tag = this.int(2) === 0 ? 'ul' : 'ol';
    const items = Array.from({ length: 3 + this.int(5) }, () => `  <li>${this.sentence()}</li>`);
    return `<${tag}>\n${items.join('\n')}\n</${tag}>\n`;
  }
  table(extras: string[] = []): string {
    const cols = 3 + this.int(3);
    const head = Array.from({ length: cols }, () => `<th>${this.words(2)}</th>`).join('');
    const rows = Array.from({ length: 4 + this.int(6) }, (_, r) => {
      const cells = Array.from({ length: cols }, (_, c) => `<td>${r === 0 && c === 1 && extras[0] ? extras[0] : this.words(1 + this.int(3))}</td>`);
      return `<tr>\n${cells.join('\n')}\n</tr>`;
    });
    return `<table class="data">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n`;
  }
}

function shell(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
body { font: 16px/1.5 Georgia, serif; max-width: 46em; margin: 0 auto; padding: 1em; }
table.data { border-collapse: collapse; margin: 1em 0; } table.data td, table.data th { border: 1px solid #ccc; padding: 2px 6px; }
.hl { background: #ffd; } aside { color: #555; font-size: 90%; }
</style>
</head>
<body>
<header><nav><a href="#a">Home</a> <a href="#b">World</a> <a href="#c">Business</a> <a href="#d">Culture</a></nav></header>
<main>
<article>
<h1>${title}</h1>
${body}</article>
</main>
<footer><p>Copyright notice and contact information for the newsroom.</p></footer>
</body>
</html>
`;
}

/**
 * Article markup of about `size` bytes. `numbers` are spread evenly through it (in paragraphs, table cells and
 * list items, some with a "Tel." label); `decoys` > 0 adds dates, prices and other digit runs that are not phones.
 */
function article(seed: number, size: number, numbers: string[], decoyEvery: number): string {
  const w = new Writer(seed);
  const sections: string[] = [];
  let bytes = 0;
  let blocks = 0;
  const estimatedBlocks = Math.max(1, Math.round(size / 520));
  const spacing = numbers.length > 0 ? estimatedBlocks / numbers.length : Infinity;
  let nextNumber = numbers.length > 0 ? spacing / 2 : Infinity;
  let placed = 0;

  while (bytes < size - 400) {
    const extras: string[] = [];
    if (blocks >= nextNumber && placed < numbers.length) {
      const n = numbers[placed++] as string;
      extras.push(w.int(3) === 0 ? `(Tel. ${n})` : `call ${n}`);
      nextNumber += spacing;
    }
    if (decoyEvery > 0 && blocks % decoyEvery === 0) extras.push(w.pick(DECOYS));
    const kind = blocks % 9;
    let html: string;
    if (kind === 0 && extras.length === 0) html = `<h2>${w.sentence().slice(0, -1)}</h2>\n`;
    else if (kind === 4 && extras.length === 0) html = w.list();
    else if (kind === 7) html = w.table(extras);
    else if (kind === 8 && extras.length === 0) html = `<blockquote><p>${w.sentence()}</p></blockquote>\n<h3>${w.words(4)}</h3>\n`;
    else html = w.paragraph(extras);
    sections.push(html);
    bytes += html.length;
    blocks++;
  }
  // Numbers left over (the size estimate was generous): append them in a last paragraph each.
  while (placed < numbers.length) sections.push(`<p>${w.sentence(`call ${numbers[placed++]}`)}</p>\n`);
  return sections.join('');
}

function contactTable(count: number): string {
  const w = new Writer(7);
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const phone = `213-373-${String(i).padStart(4, '0')}`;
    rows.push(
      `<tr>\n  <td>${w.pick(NAMES)} ${w.pick(SURNAMES)}</td>\n  <td>${w.pick(COMPANIES)} ${w.pick(['Ltd', 'Inc', 'Group', 'Labs'])}</td>\n` +
        `  <td>${phone}</td>\n  <td>${w.pick(CITIES)}</td>\n  <td>${w.pick(['lead', 'customer', 'partner', 'prospect'])}</td>\n</tr>`,
    );
  }
  return `<h1>Contacts</h1>
<table class="data">
<thead><tr><th>Name</th><th>Company</th><th>Phone</th><th>City</th><th>Status</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
`;
}

/** Fails the run early if a number the pages rely on is not a valid US-context number for libphonenumber-js. */
function assertValid(numbers: string[]): void {
  for (const n of numbers) {
    if (!parsePhoneNumberFromString(n, 'US')?.isValid()) throw new Error(`Benchmark page number is not valid: ${n}`);
  }
}

function assertNoDigitsInText(html: string, name: string): void {
  const text = html.replace(/<style>[^]*?<\/style>/g, ' ').replace(/<[^>]*>/g, ' ');
  if (/[0-9\uFF10-\uFF19]/.test(text)) throw new Error(`${name} must not contain digits in its text`);
}

/** Writes the pages into `dir` and describes them. */
export function generatePages(dir: string): GeneratedPage[] {
  const fifty = Array.from({ length: 50 }, (_, i) =>
    i < SCATTERED_NUMBERS.length ? SCATTERED_NUMBERS[i]! : `(213) 373-${String(4300 + i * 7).padStart(4, '0')}`,
  );
  const typical = ['(213) 373-4253', '+44 20 7946 0958', '415-555-2671', '(202) 456-1414', '+49 30 901820'];
  const tenkSample = ['213-373-0000', '213-373-0001', '213-373-4253', '213-373-5000', '213-373-9999'];
  assertValid([...fifty, ...typical, ...tenkSample]);

  const plainHtml = shell('A long read about the city', article(1, MB, [], 0));
  assertNoDigitsInText(plainHtml, 'plain-1mb.html');
  const tinyHtml = shell('A short note', '<p>Nothing to see here, only words and a <em>little</em> markup.</p>\n');
  assertNoDigitsInText(tinyHtml, 'tiny.html');

  const pages: Array<[string, string, number]> = [
    ['plain-1mb.html', plainHtml, 0],
    ['fifty-1mb.html', shell('A long read with contacts', article(2, MB, fifty, 5)), fifty.length],
    ['tenk.html', shell('CRM export', contactTable(10_000)), 10_000],
    ['typical.html', shell('A typical article', article(3, 100 * KB, typical, 7)), typical.length],
    ['tiny.html', tinyHtml, 0],
  ];
  return pages.map(([name, html, expectedLinks]) => {
    const file = join(dir, name);
    writeFileSync(file, html);
    return { name, file, bytes: Buffer.byteLength(html), expectedLinks };
  });
}
