import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import type { Kamailio } from './kamailio';
import { startStaticServer, type StaticServer } from './static-server';

/** What the peer does with an incoming call (see peer/peer.js). */
export type PeerMode = 'answer' | 'call' | 'busy' | 'decline' | 'ring-only';

export interface SipOutcome {
  ok: boolean;
  status: number;
  reason: string;
}

export interface CallOutcome extends SipOutcome {
  /** invite() → final response, including media set-up and the digest challenge round trip. */
  setupMs: number;
}

export interface AudioStats {
  packetsReceived: number;
  packetsSent: number;
  bytesReceived: number;
  audioLevel: number;
  totalAudioEnergy: number;
  /** Energy of what the local (fake) microphone captured. */
  localAudioEnergy: number;
}

export interface SipLogEntry {
  /** ms since the page loaded */
  t: number;
  /** The same instant as epoch ms (`performance.timeOrigin + performance.now()`), comparable across pages. */
  at: number;
  dir: 'in' | 'out';
  /** Request or status line. */
  line: string;
  cseq: string;
}

export interface PeerSnapshot {
  config: { ws: string; user: string; password: string; domain: string; mode: PeerMode; answerDelay: number };
  transport: 'connected' | 'disconnected';
  registration: 'unregistered' | 'registering' | 'registered' | 'rejected';
  registrationResponse: { status: number; reason: string } | null;
  callState: 'idle' | 'incoming' | 'calling' | 'established' | 'terminated';
  endedBy: 'local' | 'remote' | 'rejected' | 'cancelled' | null;
  lastInvite: { requestUri: string; from: string; to: string; headers: Record<string, string[]>; sdp: string; receivedAt: number } | null;
  lastFailure: { status: number; reason: string } | null;
  remoteDirection: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive' | null;
  dtmfInfo: { signal: string | null; duration: number; contentType: string; body: string }[];
  rtpPayloads: Record<string, number>;
  dtmfRtpPackets: number;
  /** The digits received as RFC 4733 telephone-events in the current call, in order (one per event). */
  dtmfRtpDigits: string;
  referTo: string | null;
  replacedCalls: number;
  sipLog: SipLogEntry[];
  errors: string[];
}

/** Who the peer says it is when it calls, and extra INVITE header lines (`Name: value`). */
export interface CallFrom {
  displayName?: string;
  uri?: string;
  extraHeaders?: string[];
}

/** The page's `window.peer`, as far as tests call it. */
interface PeerApi {
  register(): Promise<SipOutcome>;
  unregister(): Promise<void>;
  answer(): Promise<void>;
  reject(code: number): Promise<void>;
  call(target: string, from?: CallFrom): Promise<CallOutcome>;
  hangup(): Promise<void>;
  hold(): Promise<SipOutcome>;
  unhold(): Promise<SipOutcome>;
  sendDtmf(tones: string, options?: { method?: 'info' | 'rfc4733'; duration?: number }): Promise<void>;
  refer(target: string): Promise<SipOutcome>;
  stats(): Promise<AudioStats>;
  hears(hz: number, ms?: number): Promise<number>;
  followRefer(on: boolean): void;
  stopSending(stop: boolean): Promise<void>;
  setMode(mode: PeerMode): void;
  snapshot(): PeerSnapshot;
}
/** Cast inside page functions (no global Window augmentation: the extension's own code shares the type space). */
type PeerWindow = { peer: PeerApi };

export const PEER_DIR = fileURLToPath(new URL('./peer/', import.meta.url));
export const SIPJS_DIR = dirname(createRequire(import.meta.url).resolve('sip.js/package.json'));

/** Serves the peer page at /peer/ and sip.js at /node_modules/sip.js/ (the path peer.js imports from). */
export function startPeerServer(): Promise<StaticServer> {
  return startStaticServer({ '/peer/': PEER_DIR, '/node_modules/sip.js/': SIPJS_DIR });
}

export interface PeerOptions {
  user: string;
  password: string;
  mode?: PeerMode;
  /** ms between 180 Ringing and 200 OK in 'answer' mode */
  answerDelay?: number;
  /** Take the microphone once at load and reuse it for every call (Firefox: see peer.js). */
  heldMicrophone?: boolean;
  /** Send a steady sine of this frequency (Hz) instead of the microphone. */
  tone?: number;
}

/** A peer page in the browser, driven from Node. Methods run the page's `window.peer` ones. */
export interface Peer {
  page: Page;
  user: string;
  register(): Promise<SipOutcome>;
  unregister(): Promise<void>;
  answer(): Promise<void>;
  reject(code: number): Promise<void>;
  call(target: string, from?: CallFrom): Promise<CallOutcome>;
  hangup(): Promise<void>;
  hold(): Promise<SipOutcome>;
  unhold(): Promise<SipOutcome>;
  sendDtmf(tones: string, options?: { method?: 'info' | 'rfc4733'; duration?: number }): Promise<void>;
  refer(target: string): Promise<SipOutcome>;
  stats(): Promise<AudioStats>;
  /** How far `hz` stands out of the received audio now, in dB (see peer.js). */
  hears(hz: number, ms?: number): Promise<number>;
  /** Follow REFERs (call the target) instead of only recording them. */
  followRefer(on: boolean): Promise<void>;
  /** Stops (true) or resumes (false) sending RTP in the current call; ICE and RTCP go on. */
  stopSending(stop: boolean): Promise<void>;
  setMode(mode: PeerMode): Promise<void>;
  snapshot(): Promise<PeerSnapshot>;
  /** Polls the snapshot until `predicate` holds; throws with the last snapshot after `timeoutMs`. */
  waitFor(predicate: (s: PeerSnapshot) => boolean, timeoutMs?: number, what?: string): Promise<PeerSnapshot>;
  close(): Promise<void>;
}

/** Opens peer.html for one user in a new tab; it does not register until `register()`. */
export async function openPeer(browser: Browser, server: StaticServer, sip: Kamailio, options: PeerOptions): Promise<Peer> {
  const params = new URLSearchParams({
    ws: sip.wsUrl,
    user: options.user,
    password: options.password,
    domain: sip.domain,
    mode: options.mode ?? 'answer',
    answerDelay: String(options.answerDelay ?? 0),
    ...(options.heldMicrophone ? { mic: 'held' } : {}),
    ...(options.tone ? { tone: String(options.tone) } : {}),
  });
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(`${server.url}/peer/peer.html?${params}`);
  try {
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', { timeout: 10_000 });
  } catch (error) {
    throw new Error(`peer page for ${options.user} did not load: ${pageErrors.join('\n') || String(error)}`, { cause: error });
  }

  const snapshot = () => page.evaluate(() => (window as unknown as PeerWindow).peer.snapshot());
  return {
    page,
    user: options.user,
    register: () => page.evaluate(() => (window as unknown as PeerWindow).peer.register()),
    unregister: () => page.evaluate(() => (window as unknown as PeerWindow).peer.unregister()),
    answer: () => page.evaluate(() => (window as unknown as PeerWindow).peer.answer()),
    reject: (code) => page.evaluate((c) => (window as unknown as PeerWindow).peer.reject(c), code),
    call: (target, from) => page.evaluate((t, f) => (window as unknown as PeerWindow).peer.call(t, f), target, from ?? {}),
    hangup: () => page.evaluate(() => (window as unknown as PeerWindow).peer.hangup()),
    hold: () => page.evaluate(() => (window as unknown as PeerWindow).peer.hold()),
    unhold: () => page.evaluate(() => (window as unknown as PeerWindow).peer.unhold()),
    sendDtmf: (tones, dtmfOptions) => page.evaluate((t, o) => (window as unknown as PeerWindow).peer.sendDtmf(t, o), tones, dtmfOptions ?? {}),
    refer: (target) => page.evaluate((t) => (window as unknown as PeerWindow).peer.refer(t), target),
    stats: () => page.evaluate(() => (window as unknown as PeerWindow).peer.stats()),
    hears: (hz, ms) => page.evaluate((h, m) => (window as unknown as PeerWindow).peer.hears(h, m), hz, ms),
    followRefer: (on) => page.evaluate((o) => (window as unknown as PeerWindow).peer.followRefer(o), on),
    stopSending: (stop) => page.evaluate((s) => (window as unknown as PeerWindow).peer.stopSending(s), stop),
    setMode: (mode) => page.evaluate((m) => (window as unknown as PeerWindow).peer.setMode(m), mode),
    snapshot,
    async waitFor(predicate, timeoutMs = 5_000, what = 'condition') {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const state = await snapshot();
        if (predicate(state)) return state;
        if (Date.now() > deadline) {
          const { sipLog, ...rest } = state;
          throw new Error(
            `${options.user}: timed out after ${timeoutMs} ms waiting for ${what}\n${JSON.stringify(rest, null, 1)}\n` +
              sipLog.slice(-15).map((e) => `${e.t} ${e.dir} ${e.line} (${e.cseq})`).join('\n'),
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => page.close(),
  };
}
