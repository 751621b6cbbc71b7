/**
 * Two builds of the Chrome extension measured side by side in one run, loads alternating between them, for telling
 * whether a change to the content script helps (the full bench compares against baselines, not against another
 * build):
 *
 *   npx tsx test/bench/run-ab.ts OLD_DIST NEW_DIST[,NEWER_DIST…] [rounds] [pages]
 *
 * e.g. `cp -r dist/chrome /tmp/old` before the change, `npm run build` after it, then
 * `npx tsx test/bench/run-ab.ts /tmp/old dist/chrome 3 tenk,typical,fifty-1mb`. Each build runs in a
 * browser of its own (profile attribution counts the frames of any extension); the floor extension is measured in
 * the same rounds on `typical`. With BENCH_FUNCTIONS=1 it also prints where each build's time went by function
 * (an unminified build names them), and with BENCH_FRAMES=1 every long animation frame after DOMContentLoaded with the
 * content script's share of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../e2e/support/chromium';
import { setSettings } from '../e2e/support/extension';
import { startStaticServer, type StaticServer } from '../e2e/support/static-server';
import { closeBrowser } from './close-browser';
import { writeFloorExtension } from './floor-extension';
import { generatePages } from './generate-pages';
import { measureContentScript, type BenchPage, type TabRun } from './measure-content-script';
import { median } from './measured-page';
import { measureLinkTimes } from './measure-link-times';
import { shownAt } from './page-probes';
import { measureScrollLink } from './measure-scroll-link';
import { buildNaiveScanner } from './naive-scanner';

const [dirA, dirB, roundsArg, pagesArg] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('Usage: run-ab.ts OLD_DIST NEW_DIST [rounds] [pages]');
const rounds = Number(roundsArg ?? 3);
const names = (pagesArg ?? 'tenk,typical,fifty-1mb').split(',');
const SETTLE = { minMs: 500, quietMs: 500, maxMs: 10_000 };
const SETTLE_TENK = { minMs: 1500, quietMs: 800, maxMs: 5000 };
const LINK_WAIT = { minMs: 600, quietMs: 700, maxMs: 10_000 };

const work = mkdtempSync(join(tmpdir(), 'dialable-ab-'));
const browsers: Browser[] = [];
let server: StaticServer | undefined;
try {
  generatePages(work);
  const naiveCode = await buildNaiveScanner(work);
  server = await startStaticServer({ '/': work });
  // More than one new build (comma-separated) are measured as B, C, … in the same rounds.
  const variants: Array<{ label: string; dir: string; browser?: Browser }> = [
    { label: 'A', dir: dirA },
    ...dirB.split(',').map((dir, i) => ({ label: String.fromCharCode(66 + i), dir })),
    ...(names.includes('typical') ? [{ label: 'floor', dir: await writeFloorExtension(work) }] : []),
  ];
  for (const v of variants) {
    v.browser = await launchChromium({ extensionDir: v.dir });
    browsers.push(v.browser);
    if (v.label !== 'floor') await setSettings(v.browser, { defaultCountry: 'US' });
  }
  const results = new Map<string, { with: TabRun[]; without: TabRun[] }>();
  const scroll = new Map<string, number[]>();
  /** tenk: ms from the load event until the last number in view was linked (the bench's `tenk linked, visible`). */
  const visible = new Map<string, number[]>();
  /** fifty-1mb: ms from the load event until the last number was linked. */
  const allLinked = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const name of names) {
      const page: BenchPage = { name, url: `${server.url}/${name}.html`, settle: name === 'tenk' ? SETTLE_TENK : SETTLE, heap: name === 'tenk', chat: name === 'fifty-1mb' };
      for (const v of order) {
        if (v.label === 'floor' && name !== 'typical') continue;
        const browser = v.browser as Browser;
        const without = await browser.createBrowserContext();
        const runs = await measureContentScript(browser.defaultBrowserContext(), without, page, { runs: 1, naiveCode, naiveRepeatBelowMs: 0, baselines: name !== 'tenk' || round === 0 });
        await without.close();
        const key = `${v.label} ${name}`;
        const r = results.get(key) ?? { with: [], without: [] };
        r.with.push(...runs.with);
        r.without.push(...runs.without);
        results.set(key, r);
        if (name === 'tenk' && v.label !== 'floor') {
          const ms = (await measureScrollLink(browser.defaultBrowserContext(), page, SETTLE_TENK)).map((s) => s.ms);
          scroll.set(v.label, [...(scroll.get(v.label) ?? []), ...ms]);
          const times = await measureLinkTimes(browser.defaultBrowserContext(), page, LINK_WAIT);
          visible.set(v.label, [...(visible.get(v.label) ?? []), (times.visibleMs ?? Number.NaN) - shownAt(times)]);
        } else if (name === 'fifty-1mb' && v.label !== 'floor') {
          const times = await measureLinkTimes(browser.defaultBrowserContext(), page, LINK_WAIT);
          allLinked.set(v.label, [...(allLinked.get(v.label) ?? []), (times.allMs ?? Number.NaN) - (times.loadMs ?? Number.NaN)]);
        }
      }
    }
  }
  const f = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '-');
  console.log(`\nA = ${dirA}, B = ${dirB}; ${rounds} rounds, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const [key, r] of results) {
    const cs = median(r.with.map((t) => t.profiled.scriptMs));
    const gc = median(r.with.map((t, i) => t.profiled.gcMs - (r.without[i]?.profiled.gcMs ?? Number.NaN)));
    const walk = median(r.without.flatMap((t) => (t.isolatedWalkMs === undefined ? [] : [t.isolatedWalkMs])));
    const heap = median(r.with.map((t, i) => (t.heapUsed ?? Number.NaN) - (r.without[i]?.heapUsed ?? Number.NaN)));
    const frames = r.with.flatMap((t) => t.longTasks.entries.filter((e) => e.type === 'long-animation-frame' && e.start >= t.longTasks.dclEnd));
    const ours = frames.filter((e) => (e.profiled?.scriptMs ?? 0) > 0);
    const framesWithout = r.without.flatMap((t) => t.longTasks.entries.filter((e) => e.type === 'long-animation-frame' && e.start >= t.longTasks.dclEnd));
    console.log(
      `${key.padEnd(16)} cs ${f(cs)} ms (runs ${r.with.map((t) => f(t.profiled.scriptMs)).join(' ')}) gc ${f(gc)} | walk ${f(walk)} → ${f(cs / walk)}× | ` +
        `links ${median(r.with.map((t) => t.links))}` +
        (Number.isFinite(heap) ? ` | heap ${f(heap / 1024)} KB` : '') +
        (r.with.some((t) => t.chatProfiled) ? ` | chat burst ${f(median(r.with.map((t) => t.chatProfiled?.scriptMs ?? Number.NaN)))} ms` : '') +
        ` | long frames with cs ${ours.length} (max ${f(Math.max(0, ...ours.map((e) => e.duration)))}, most cs in one ${f(Math.max(0, ...ours.map((e) => e.profiled?.scriptMs ?? 0)))}), all ${frames.length} (max ${f(Math.max(0, ...frames.map((e) => e.duration)))}), w/o ext max ${f(Math.max(0, ...framesWithout.map((e) => e.duration)))}`,
    );
  }
  if (process.env['BENCH_FRAMES']) {
    for (const [key, r] of results) {
      console.log(`\n${key}: long frames after DCL (start, duration, render, blocking, content-script ms), per load`);
      for (const t of r.with) {
        const entries = t.longTasks.entries.filter((e) => e.type === 'long-animation-frame' && e.start >= t.longTasks.dclEnd);
        console.log(`  ${entries.map((e) => `${f(e.start)}+${f(e.duration)} r${f(e.render)} b${f(e.blocking ?? 0)} cs${f(e.profiled?.scriptMs ?? 0)}`).join(', ')}`);
        for (const e of entries) {
          if ((e.timeline ?? []).length > 0) console.log(`    ${f(e.start)}: ${(e.timeline ?? []).map(([at, ms, fn]) => `+${f(at - e.start)} ${f(ms)} ${fn}`).join(' | ')}`);
        }
      }
    }
  }
  for (const [label, ms] of visible) console.log(`${label} tenk linked, visible: median ${f(median(ms))} ms after load and first frame (${ms.map(f).join(' ')})`);
  for (const [label, ms] of allLinked) console.log(`${label} fifty-1mb all linked: median ${f(median(ms))} ms after load (${ms.map(f).join(' ')})`);
  for (const [label, ms] of scroll) console.log(`${label} tenk linked after scrolling: median ${f(median(ms))} ms, worst ${f(Math.max(...ms))} (${ms.map(f).join(' ')})`);
  if (process.env['BENCH_FUNCTIONS']) {
    for (const [key, r] of results) {
      const sum = new Map<string, number>();
      for (const t of r.with) for (const [fn, ms] of t.functions ?? []) sum.set(fn, (sum.get(fn) ?? 0) + ms / r.with.length);
      console.log(`\n${key}: by function (mean ms per load)`);
      for (const [fn, ms] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${f(ms).padStart(7)}  ${fn}`);
    }
  }
} finally {
  for (const b of browsers) await closeBrowser(b);
  await server?.close().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
