/**
 * What one DOM write costs the 10,000-row table by itself, without any extension: the page settles, then in one
 * frame callback a single cell's text is wrapped in a link (as Dialable does) or only rewritten, and the time to
 * the next frame is read (a frame with the relayout the write caused). If this alone exceeds 50 ms, no linkifier
 * that changes the table's DOM can keep every frame after its writes under 50 ms.
 *
 *   xvfb-run -a npx tsx test/bench/measure-table-relayout.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/support/chromium';
import { startStaticServer } from '../e2e/support/static-server';
import { closeBrowser } from './close-browser';
import { generatePages } from './generate-pages';
import { median, sleep } from './measured-page';

const WRITES = {
  link: `(td) => { const t = td.firstChild; const a = document.createElement('a'); a.href = 'tel:' + t.data; a.textContent = t.data; td.insertBefore(a, t); t.data = ''; }`,
  'same text': `(td) => { td.firstChild.data = td.firstChild.data + ''; }`,
  'style attribute on a cell': `(td) => { td.setAttribute('data-x', '1'); }`,
};

const work = mkdtempSync(join(tmpdir(), 'dialable-relayout-'));
const browser = await launchChromium({});
const server = await startStaticServer({ '/': work });
try {
  generatePages(work);
  const page = await browser.newPage();
  await page.goto(`${server.url}/tenk.html`, { waitUntil: 'load' });
  await sleep(1500);
  for (const [label, write] of Object.entries(WRITES)) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const row = 5 + i * 7 + Object.keys(WRITES).indexOf(label) * 50;
      const ms = (await page.evaluate(`new Promise((done) => requestAnimationFrame((at) => {
        (${write})(document.querySelectorAll('tbody tr')[${row}].children[2]);
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
