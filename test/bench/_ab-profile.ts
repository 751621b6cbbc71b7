import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/support/chromium';
import { startStaticServer } from '../e2e/support/static-server';
import { setSettings } from '../e2e/support/extension';
import { generatePages } from './generate-pages';
import { openMeasuredPage, settle } from './measured-page';
import type { Protocol } from 'puppeteer-core';

const work = mkdtempSync(join(tmpdir(), 'ab-'));
generatePages(work);
const server = await startStaticServer({ '/': work });
const builds = { before: '/tmp/before-wt/dist/chrome', now: '/tmp/now-wt/dist/chrome' };
const country = process.env.AB_COUNTRY; // e.g. US; unset = Automatic
const pages = (process.env.AB_PAGES ?? 'plain-1mb,typical').split(',');
const self = new Map<string, Map<string, number>>();
const totals = new Map<string, number[]>();
for (let round = 0; round < 3; round++) {
  for (const [name, dir] of Object.entries(builds)) {
    const browser = await launchChromium({ extensionDir: dir });
    if (country) await setSettings(browser, { defaultCountry: country });
    await new Promise((r) => setTimeout(r, 1500));
    for (const p of pages) {
      for (let i = 0; i < 2; i++) {
        const m = await openMeasuredPage(browser.defaultBrowserContext(), { profile: true });
        await m.page.goto(`${server.url}/${p}.html`);
        await settle(m, { minMs: 500, quietMs: 500, maxMs: 10_000 });
        const prof: Protocol.Profiler.Profile = await m.stopProfile();
        await m.close();
        // self time per function for extension frames; total = samples with any extension frame on stack
        const byId = new Map(prof.nodes.map((n) => [n.id, n]));
        const parent = new Map<number, number>();
        for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
        const dt = prof.timeDeltas ?? [];
        let total = 0;
        const key = `${name} ${p}`;
        const fn = self.get(key) ?? new Map<string, number>();
        prof.samples!.forEach((id, k) => {
          const us = dt[k + 1] ?? 0;
          let cur: number | undefined = id;
          let ext = false;
          let top: string | undefined;
          while (cur !== undefined) {
            const f = byId.get(cur)!.callFrame;
            if (f.url.startsWith('chrome-extension://')) { ext = true; top ??= `${f.functionName || '(anon)'} ${f.url.split('/').slice(3).join('/')}:${f.lineNumber}`; }
            else if (!top) top = undefined;
            cur = parent.get(cur);
          }
          if (ext) {
            total += us;
            const leaf = byId.get(id)!.callFrame;
            const label = leaf.url.startsWith('chrome-extension://') ? `${leaf.functionName || '(anon)'} ${leaf.url.split('/').slice(3).join('/')}:${leaf.lineNumber}` : `[native ${leaf.functionName}] under ${top}`;
            fn.set(label, (fn.get(label) ?? 0) + us);
          }
        });
        self.set(key, fn);
        const arr = totals.get(key) ?? [];
        arr.push(total / 1000);
        totals.set(key, arr);
      }
    }
    await browser.close();
  }
}
for (const [key, arr] of totals) {
  const sorted = [...arr].sort((a, b) => a - b);
  console.log(`${key}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms of [${arr.map((a) => a.toFixed(1)).join(', ')}]`);
  const top = [...self.get(key)!].sort((a, b) => b[1] - a[1]).slice(0, 12);
  for (const [label, us] of top) console.log(`    ${(us / 1000 / arr.length).toFixed(2)} ms  ${label}`);
}
await server.close();
