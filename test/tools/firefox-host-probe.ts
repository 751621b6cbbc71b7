// Where can a Firefox extension hold a SIP engine that needs the microphone? Measures it in the installed Firefox
// (the evidence behind the phone window, README → Architecture → Engine (Firefox)). Run: npx tsx test/tools/firefox-host-probe.ts
// Each probe extension gets a remembered microphone "Allow" for its origin and runs with the real permission check
// (media.navigator.permission.fake, fake device), as users have after accepting the prompt once.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox } from '../e2e/support/firefox';

const IDLE_MS = 5_000;

/** Shared by the background and the probe page: getUserMedia with a 4 s limit, result in words. */
const GUM = `async function tryGum() {
  const r = await Promise.race([
    navigator.mediaDevices.getUserMedia({ audio: true }).then((s) => { s.getTracks().forEach((t) => t.stop()); return 'granted a stream'; }, (e) => 'refused: ' + e.name),
    new Promise((r) => setTimeout(() => r('no answer after 4 s (waits forever)'), 4000)),
  ]);
  return r;
}
const instance = Math.random().toString(36).slice(2);`;

const BACKGROUND = `${GUM}
browser.runtime.onMessage.addListener((m) => {
  if (m === 'gum') return tryGum();
  if (m === 'instance') return Promise.resolve(instance);
});
browser.runtime.onInstalled.addListener(() => browser.tabs.create({ url: 'probe.html#control' }));`;

const PAGE = `${GUM}
browser.runtime.onMessage.addListener((m) => { if (m === 'gum:' + location.hash.slice(1)) return tryGum(); });`;

interface Variant {
  id: string;
  uuid: string;
  manifest: Record<string, unknown>;
}

const VARIANTS: Variant[] = [
  {
    id: 'probe-mv3@dialable.dev',
    uuid: '7b0e0c1a-0000-4000-8000-00000000a003',
    manifest: { manifest_version: 3, background: { scripts: ['bg.js'] } },
  },
  {
    id: 'probe-mv2@dialable.dev',
    uuid: '7b0e0c1a-0000-4000-8000-00000000a002',
    manifest: { manifest_version: 2, background: { scripts: ['bg.js'], persistent: true } },
  },
];

function writeExtension(dir: string, variant: Variant): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ name: 'probe', version: '1.0', browser_specific_settings: { gecko: { id: variant.id } }, permissions: ['storage'], ...variant.manifest }),
  );
  writeFileSync(join(dir, 'bg.js'), BACKGROUND);
  writeFileSync(join(dir, 'probe.js'), PAGE);
  writeFileSync(join(dir, 'probe.html'), '<!doctype html><meta charset="utf-8"><title>probe</title><script src="probe.js"></script>');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probe(variant: Variant, dir: string): Promise<Array<[string, string]>> {
  const origin = `moz-extension://${variant.uuid}`;
  const browser: Browser = await launchFirefox({
    microphoneOrigins: [origin],
    eventPageIdleMs: IDLE_MS,
    prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [variant.id]: variant.uuid }) },
  });
  const rows: Array<[string, string]> = [];
  const label = `MV${String(variant.manifest.manifest_version)}`;
  try {
    await browser.installExtension(dir);
    const control = await findPage(browser, origin, 'probe.html#control');
    type Runtime = { browser: { runtime: { sendMessage(m: string): Promise<string> } } };
    const send = (message: string) => control.evaluate((m) => (globalThis as unknown as Runtime).browser.runtime.sendMessage(m), message);
    const windows = (code: string) => control.evaluate(code);
    rows.push([`${label} background page: getUserMedia`, await send('gum')]);
    if (variant.manifest.manifest_version === 3) {
      const before = await send('instance');
      await sleep(IDLE_MS * 3);
      rows.push([`${label} event page, ${IDLE_MS / 1000} s idle timeout, after ${(IDLE_MS * 3) / 1000} s idle`, (await send('instance')) !== before ? 'suspended, then started again as a new instance (memory lost)' : 'still the same instance']);
    }
    const id = Number(await windows(`browser.windows.create({ url: 'probe.html#win', type: 'popup', width: 300, height: 200 }).then((w) => w.id)`));
    await sleep(1_000);
    rows.push([`${label} extension window, focused: getUserMedia`, await send('gum:win')]);
    await windows(`browser.windows.create({ url: 'about:blank', focused: true }).then(() => 1)`);
    await sleep(500);
    rows.push([`${label} extension window, another window in front`, await send('gum:win')]);
    await windows(`browser.windows.update(${id}, { state: 'minimized' }).then(() => 1)`);
    await sleep(500);
    rows.push([`${label} extension window, minimized`, await send('gum:win')]);
    await windows(`browser.windows.update(${id}, { focused: true, state: 'normal' }).then(() => 1)`);
    await sleep(500);
    rows.push([`${label} extension window, raised again by windows.update`, await send('gum:win')]);
    await windows(`browser.tabs.create({ url: 'probe.html#tab', active: false }).then(() => 1)`);
    await sleep(1_000);
    rows.push([`${label} extension tab in the background`, await send('gum:tab')]);
  } finally {
    await browser.close();
  }
  return rows;
}

/** The page at `origin/path`, once the add-on has opened it (BiDi's page.url() may lag behind, so ask the page). */
async function findPage(browser: Browser, origin: string, path: string): Promise<Page> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) if ((await page.evaluate(() => location.href).catch(() => '')) === `${origin}/${path}`) return page;
    await sleep(100);
  }
  throw new Error(`no ${path}`);
}

const root = mkdtempSync(join(tmpdir(), 'dialable-probe-'));
try {
  const rows: Array<[string, string]> = [];
  for (const variant of VARIANTS) {
    const dir = join(root, variant.id);
    writeExtension(dir, variant);
    rows.push(...(await probe(variant, dir)));
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
} finally {
  rmSync(root, { recursive: true, force: true });
}
