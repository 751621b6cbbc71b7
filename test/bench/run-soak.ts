/**
 * `npm run bench`, third part: the soak. 200 calls in a row through Kamailio granting 30 s registrations (so the
 * engine refreshes throughout), then idle time with 10 s registrations standing in for an hour at the usual 600 s
 * (the same number of refresh cycles). Reports failed calls, missed refreshes (Kamailio's location table polled:
 * any moment without alice's binding), the offscreen document's heap growth and DOM nodes, and microphone tracks
 * left open between calls. Writes test/artifacts/soak.json; only a broken set-up fails the process.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from 'puppeteer-core';
import { launchChromium } from '../e2e/support/chromium';
import { CHROME_DIST, EXTENSION_ORIGIN, offscreenPage, setSettings } from '../e2e/support/extension';
import { startKamailio, type Kamailio } from '../e2e/sip/kamailio';
import { openPeer, startPeerServer } from '../e2e/sip/peer-page';
import { INSTRUMENT_ENGINE } from './call-probes';
import { closeBrowser } from './close-browser';
import { renderTable, writeJson, type Figure } from './report';

const CALLS = Number(process.env.SOAK_CALLS ?? 200);
/** Idle with 10 s registrations: 6 minutes = 40 refresh cycles, more than an hour's six at 600 s. */
const IDLE_MS = Number(process.env.SOAK_IDLE_MS ?? 6 * 60_000);
/** Longer than sip.js's longest transaction timer (Timer K/D, 32 s), so what is left after it is kept state. */
const SETTLE_MS = 40_000;
const NUMBER = '+442079460958';
const USERS = { alice: 'alice-secret', [NUMBER]: 'peer-secret' };
const ARTIFACT = 'test/artifacts/soak.json';

type Engine = {
  dialableEngine: {
    dial(target: { kind: 'phone'; e164: string }): Promise<{ accepted: boolean; callId?: string; reason?: string }>;
    act(callId: string | undefined, action: { action: 'hangup' }): Promise<{ ok: boolean }>;
    saveAccount(account: unknown): Promise<{ registered: boolean; message: string }>;
  };
  benchTracks?: MediaStreamTrack[];
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (text: string): void => console.log(`· ${text}`);

/** Counts the moments alice has no binding at `sip` while `running()` holds: each is a missed refresh. */
function watchBindings(sip: Kamailio, running: () => boolean): Promise<{ polls: number; missing: number }> {
  return (async () => {
    const result = { polls: 0, missing: 0 };
    while (running()) {
      result.polls++;
      if ((await sip.bindings('alice').catch(() => 0)) === 0) result.missing++;
      await sleep(1_000);
    }
    return result;
  })();
}

async function memory(page: Page): Promise<{ heap: number; nodes: number }> {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const get = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heap: get('JSHeapUsedSize'), nodes: get('Nodes') };
}

const started = Date.now();
const calling = await startKamailio({ users: USERS, maxExpires: 30 });
const idle = await startKamailio({ users: USERS, maxExpires: 10, domain: calling.domain });
const peers = await startPeerServer();
const browser = await launchChromium({ extensionDir: CHROME_DIST });
try {
  await browser.defaultBrowserContext().overridePermissions(EXTENSION_ORIGIN, ['microphone']);
  await browser.defaultBrowserContext().overridePermissions(peers.url, ['microphone']);
  await setSettings(browser, { defaultCountry: 'GB' });
  const peer = await openPeer(browser, peers, calling, { user: NUMBER, password: USERS[NUMBER], mode: 'answer', answerDelay: 0 });
  if (!(await peer.register()).ok) throw new Error('soak: the peer could not register');
  const engine = await offscreenPage(browser);
  await engine.waitForFunction(() => 'dialableEngine' in globalThis, { timeout: 10_000, polling: 50 });
  const account = (server: Kamailio) => ({ server: server.wsUrl, username: 'alice', domain: server.domain, authUsername: '', password: USERS.alice, displayName: '', iceServers: [], register: true, backupServer: '', outboundProxy: '' });
  const saved = await engine.evaluate((a) => (globalThis as unknown as Engine).dialableEngine.saveAccount(a), account(calling));
  if (!saved.registered) throw new Error(`soak: Dialable did not register: ${saved.message}`);
  await engine.evaluate(INSTRUMENT_ENGINE);

  const call = async (): Promise<string | undefined> => {
    const dialed = await engine.evaluate((e164) => (globalThis as unknown as Engine).dialableEngine.dial({ kind: 'phone', e164 }), NUMBER);
    if (!dialed.accepted) return `not accepted: ${dialed.reason ?? ''}`;
    try {
      await peer.waitFor((s) => s.callState === 'established', 10_000, 'the peer answered');
    } catch (error) {
      return String(error).slice(0, 200);
    } finally {
      await engine.evaluate((id) => (globalThis as unknown as Engine).dialableEngine.act(id, { action: 'hangup' }), dialed.callId);
    }
    await peer.waitFor((s) => s.callState === 'terminated', 10_000, 'the BYE reached the peer').catch(() => undefined);
    return undefined;
  };
  /**
   * Microphone tracks still live. The bench's own probes (call-probes.ts) record every SIP line, mark and track; they
   * are emptied here after each call so that the heap figure measures Dialable, not the probes.
   */
  const liveTracks = () =>
    engine.evaluate(() => {
      const probes = globalThis as unknown as Engine & { benchLog?: unknown[]; benchMarks?: unknown[] };
      probes.benchTracks = (probes.benchTracks ?? []).filter((t) => t.readyState === 'live');
      probes.benchLog?.splice(0);
      probes.benchMarks?.splice(0);
      return probes.benchTracks.length;
    });

  for (let i = 0; i < 5; i++) await call();
  await liveTracks();
  const before = await memory(engine);
  let soaking = true;
  const calls = watchBindings(calling, () => soaking);
  const failures: string[] = [];
  let openTracks = 0;
  for (let i = 0; i < CALLS; i++) {
    const failure = await call();
    if (failure) failures.push(`call ${i + 1}: ${failure}`);
    await sleep(200);
    openTracks = Math.max(openTracks, await liveTracks());
    if ((i + 1) % 50 === 0) progress(`${i + 1} calls, ${failures.length} failed`);
  }
  soaking = false;
  const callBindings = await calls;
  // sip.js keeps each finished transaction for its Timer K/D (up to 32 s): measured before that, they look like growth.
  progress(`waiting ${SETTLE_MS / 1000} s for the last calls' SIP transactions to expire`);
  await sleep(SETTLE_MS);
  const after = await memory(engine);

  const moved = await engine.evaluate((a) => (globalThis as unknown as Engine).dialableEngine.saveAccount(a), account(idle));
  if (!moved.registered) throw new Error(`soak: Dialable did not register for the idle part: ${moved.message}`);
  const refreshesBefore = idle.savedCount('alice');
  let idling = true;
  const idleBindings = watchBindings(idle, () => idling);
  progress(`idle for ${IDLE_MS / 1000} s with 10 s registrations`);
  await sleep(IDLE_MS);
  idling = false;
  const idleResult = await idleBindings;
  const refreshes = idle.savedCount('alice') - refreshesBefore;
  const idleMemory = await memory(engine);

  const figures: Figure[] = [
    { name: `failed calls (of ${CALLS}, 30 s registrations)`, measured: failures.length, unit: 'count', target: { on: 'measured', op: '==', limit: 0 } },
    { name: 'moments without a binding during the calls', measured: callBindings.missing, unit: 'count', target: { on: 'measured', op: '==', limit: 0 }, note: `${callBindings.polls} polls of Kamailio's location table, 1 s apart` },
    { name: `moments without a binding, ${IDLE_MS / 1000} s idle (10 s registrations)`, measured: idleResult.missing, unit: 'count', target: { on: 'measured', op: '==', limit: 0 }, note: `${refreshes} refreshes saved by Kamailio (${idleResult.polls} polls)` },
    { name: `offscreen heap growth over the calls (${SETTLE_MS / 1000} s after the last)`, measured: after.heap - before.heap, unit: 'B', target: { on: 'measured', op: '<=', limit: 1_048_576 }, measuredText: `${((after.heap - before.heap) / 1024).toFixed(0)} KB (${(before.heap / 1024).toFixed(0)} → ${(after.heap / 1024).toFixed(0)} KB)` },
    { name: 'offscreen DOM nodes (after 5 calls / after the calls / after idle)', measured: after.nodes, unit: 'count', measuredText: `${before.nodes} / ${after.nodes} / ${idleMemory.nodes}` },
    { name: 'microphone tracks live between calls (most seen)', measured: openTracks, unit: 'count', target: { on: 'measured', op: '==', limit: 0 } },
  ];
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`\nDialable soak — ${await browser.version()}, ${((Date.now() - started) / 1000).toFixed(0)} s, load average ${load}`);
  if ((loadavg()[0] ?? 0) > availableParallelism()) console.log('Warning: load average above the core count; other processes compete for the CPU.');
  console.log(`${renderTable(figures)}\n`);
  for (const failure of failures.slice(0, 10)) console.log(`  ${failure}`);
  writeJson(ARTIFACT, { date: new Date().toISOString(), calls: CALLS, idleMs: IDLE_MS, failures, callBindings, idle: { ...idleResult, refreshes }, memory: { before, after, idle: idleMemory }, openTracks, figures });
  console.log(`Written to ${ARTIFACT}`);
} finally {
  await closeBrowser(browser);
  await Promise.all([peers.close(), calling.stop(), idle.stop()].map((p) => p.catch(() => undefined)));
}
