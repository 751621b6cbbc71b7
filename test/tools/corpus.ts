/**
 * `npm run corpus`: loads every real page of ../shared/corpus/readability (when that folder exists) with and without
 * the extension and reports pages it broke — innerText changed, or page errors that only happen with Dialable —
 * plus links made and content-script main-thread time per page. Exits 1 if any page broke. Other hosts are blocked.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'puppeteer-core';
import { launchChromium } from '../e2e/support/chromium';
import { CHROME_DIST, setSettings } from '../e2e/support/extension';
import { waitForLinksToSettle } from '../e2e/support/settle';
import { startStaticServer } from '../e2e/support/static-server';
import { startProfiler } from '../bench/measured-page';
import { attributeProfile, EXTENSION_URL } from '../bench/profile-attribution';

const CORPUS = resolve(process.env.CORPUS_DIR ?? '../shared/corpus/readability');
if (!existsSync(CORPUS)) {
  console.log(`No corpus at ${CORPUS}; nothing to do (the corpus is optional).`);
  process.exit(0);
}
const names = readdirSync(CORPUS).filter((n) => existsSync(resolve(CORPUS, n, 'source.html'))).sort();
const server = await startStaticServer({ '/': CORPUS });
const browser = await launchChromium({ extensionDir: resolve(CHROME_DIST) });
await setSettings(browser, { defaultCountry: 'US' });
const plainContext = await browser.createBrowserContext();

interface Visit {
  samples: string[];
  text: string;
  errors: string[];
  links: number;
  scriptMs: number;
}

async function visit(context: BrowserContext, url: string, settle: boolean): Promise<Visit> {
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e).split('\n')[0] ?? ''));
  await page.setRequestInterception(true);
  page.on('request', (r) => (/^(data:|chrome-extension:)/.test(r.url()) || r.url().startsWith(server.url) ? r.continue() : r.abort()));
  // Content-script time from a CPU profile (test/bench/profile-attribution.ts): ScriptDuration misses promise
  // continuations and observer callbacks, where most of the content script runs. Only the extension's tab is profiled.
  const cdp = await page.createCDPSession();
  if (settle) await startProfiler(cdp);
  // Pages that never finish loading must not stall the run.
  page.setDefaultTimeout(15_000);
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
  if (settle) await waitForLinksToSettle(page, 400, 8_000);
  else await new Promise((r) => setTimeout(r, 400));
  const scriptMs = settle ? attributeProfile((await cdp.send('Profiler.stop')).profile, EXTENSION_URL).scriptMs : 0;
  const result = await page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLElement>('a[data-dialable]:not([data-dialable-part])')];
    return {
      text: document.body?.innerText ?? '',
      links: links.length,
      samples: links.slice(0, 5).map((a) => `${a.dataset.dialable} "${a.parentElement?.textContent?.trim().slice(0, 80)}"`),
    };
  });
  await page.close();
  return { ...result, errors, scriptMs };
}

let broken = 0;
let totalLinks = 0;
const times: number[] = [];
try {
  for (const name of names) {
    const url = `${server.url}/${name}/source.html`;
    let plain: Visit;
    let withExtension: Visit;
    try {
      plain = await visit(plainContext, url, false);
      withExtension = await visit(browser.defaultBrowserContext(), url, true);
    } catch (error) {
      console.log(`skip   ${name.padEnd(40)} the page could not be measured: ${String(error).split('\n')[0]}`);
      continue;
    }
    if (process.env.CORPUS_DEBUG === name) {
      const a = plain.text.split('\n');
      const b = withExtension.text.split('\n');
      for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) console.log(`line ${i}:\n  without: ${JSON.stringify(a[i])}\n  with:    ${JSON.stringify(b[i])}`);
    }
    const newErrors = withExtension.errors.filter((e) => !plain.errors.includes(e));
    let textChanged = plain.text !== withExtension.text;
    // Pages whose own scripts write different text on every load (timestamps, random ids) are not ours to blame:
    // a second load without the extension tells them apart.
    let unstable = false;
    if (textChanged && (await visit(plainContext, url, false)).text !== plain.text) {
      unstable = true;
      textChanged = false;
    }
    const ms = withExtension.scriptMs;
    times.push(ms);
    totalLinks += withExtension.links;
    const verdict = textChanged || newErrors.length > 0 ? 'BROKEN' : 'ok';
    if (verdict === 'BROKEN') broken++;
    console.log(
      `${verdict.padEnd(6)} ${name.padEnd(40)} links ${String(withExtension.links).padStart(3)}  content script ${ms.toFixed(1).padStart(6)} ms` +
        (textChanged ? '  innerText changed' : '') +
        (unstable ? '  (the page changes its own text on every load; text not compared)' : '') +
        (newErrors.length ? `  new errors: ${newErrors.join(' | ')}` : ''),
    );
    for (const sample of withExtension.samples) console.log(`         ↳ ${sample}`);
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
console.log(
  `\n${names.length} pages, ${broken} broken, ${totalLinks} links; content-script time median ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms, ` +
    `p90 ${times[Math.floor(times.length * 0.9)]?.toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms`,
);
process.exit(broken === 0 ? 0 : 1);
