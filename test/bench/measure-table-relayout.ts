/**
 * What one DOM write costs the 10,000-row table by itself, without any extension: the page settles, then in one
 * frame callback phone cells' text is wrapped in links (as Dialable does) or only rewritten, and the time to
 * the next frame is read (a frame with the relayout the write caused). If this alone exceeds 50 ms, no linkifier
 * that changes the table's DOM can keep every frame after its writes under 50 ms.
 *
 *   npx tsx test/bench/measure-table-relayout.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/support/chromium';
import { startStaticServer } from '../e2e/support/static-server';
import { closeBrowser } from './close-browser';
import { generatePages } from './generate-pages';
import { median, sleep } from './measured-page';

const LINK = `(td) => { const t = td.firstChild; const a = document.createElement('a'); a.href = 'tel:' + t.data; a.textContent = t.data; td.insertBefore(a, t); t.data = ''; }`;
/** Each write changes the phone cell of `rows` rows from the chosen one on. */
const WRITES: Record<string, { rows: number; write: string }> = {
  'one link': { rows: 1, write: LINK },
  '40 links (a screen)': { rows: 40, write: LINK },
  '300 links (seven screens)': { rows: 300, write: LINK },
  'different text': { rows: 1, write: `(td) => { td.firstChild.data = td.firstChild.data.replace('-', '\u2010'); }` },
  'same text': { rows: 1, write: `(td) => { td.firstChild.data = td.firstChild.data + ''; }` },
};

const work = mkdtempSync(join(tmpdir(), 'dialable-relayout-'));
const browser = await launchChromium({});
const server = await startStaticServer({ '/': work });
try {
  generatePages(work);
  const page = await browser.newPage();
  await page.goto(`${server.url}/tenk.html`, { waitUntil: 'load' });
  await sleep(1500);
  let row = 5;
  for (const [label, { rows, write }] of Object.entries(WRITES)) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const from = row;
      row += rows;
      const ms = (await page.evaluate(`new Promise((done) => requestAnimationFrame((at) => {
        const all = document.querySelectorAll('tbody tr');
        for (let r = ${from}; r < ${from + rows}; r++) (${write})(all[r].children[2]);
        requestAnimationFrame((next) => done(next - at));
      }))`)) as number;
      times.push(ms);
      await sleep(300);
    }
    const idle = (await page.evaluate(`new Promise((done) => requestAnimationFrame((at) => requestAnimationFrame((next) => done(next - at))))`)) as number;
    console.log(`${label.padEnd(28)} frame after one write: median ${median(times).toFixed(1)} ms (${times.map((t) => t.toFixed(0)).join(' ')}), a frame without a write ${idle.toFixed(1)} ms`);
  }
} finally {
  await closeBrowser(browser);
  await server.close().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
