import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import { launchChromium } from './support/chromium';
import { CHROME_DIST, EXTENSION_ORIGIN, offscreenPage, openExtensionPage, setSettings } from './support/extension';
import { startFixtureServer } from './support/fixture-server';
import type { StaticServer } from './support/static-server';
import { BARESIP, BARESIP_MODULES_DIR, startBaresip, type Baresip } from './sip/baresip';
import { startKamailio, type Kamailio } from './sip/kamailio';
import { KAMAILIO_MODULES_DIR } from './sip/kamailio.cfg';
import { RTPENGINE, startRtpengine, type Rtpengine } from './sip/rtpengine';
import { freeUdpPort, hostAddress } from './sip/service-process';

/**
 * Interop with a plain-RTP SIP phone: Dialable (WebRTC: DTLS-SRTP, ICE, rtcp-mux, over WebSocket) calls baresip
 * (UDP SIP, plain RTP/AVP, G.711) through Kamailio, with rtpengine (userspace) bridging the media. baresip answers
 * by itself and sends a 440 Hz tone. Needs the Debian packages rtpengine-daemon and baresip-core (.ci/run installs
 * them when it can); without them the test is skipped and says why.
 */
const NUMBER = '+442079460958';
/** How the popup shows NUMBER during a call. */
const SHOWN = '+44 20 7946 0958';
const USERS = { alice: 'alice-secret', [NUMBER]: 'phone-secret' };

function missingParts(): string[] {
  const missing: string[] = [];
  if (!existsSync(RTPENGINE)) missing.push(`${RTPENGINE} (apt-get install rtpengine-daemon)`);
  if (!existsSync(BARESIP)) missing.push(`${BARESIP} (apt-get install baresip-core)`);
  for (const module of ['g711.so', 'ausine.so', 'aubridge.so', 'ctrl_tcp.so', 'account.so', 'menu.so']) {
    if (existsSync(BARESIP) && !existsSync(join(BARESIP_MODULES_DIR, module))) missing.push(`baresip module ${module}`);
  }
  if (!existsSync(join(KAMAILIO_MODULES_DIR, 'rtpengine.so'))) missing.push("Kamailio's rtpengine module");
  if (!hostAddress()) missing.push('a non-loopback IPv4 address (Chromium offers ICE candidates only there)');
  return missing;
}

const missing = missingParts();
const skipReason = missing.length > 0 ? `skipped, missing: ${missing.join('; ')}` : '';
if (skipReason) console.warn(`[interop.e2e] Interop test with baresip and rtpengine ${skipReason}`);

/** Structural view of the offscreen document's engine, for reading the live call's WebRTC stats. */
type EngineWindow = {
  dialableEngine: {
    /** The engine's CallList (background/engine/call-list.ts): reached into for the live call's peer connection. */
    calls: { active(): { session: { sessionDescriptionHandler?: { peerConnection?: RTCPeerConnection } } } | undefined };
    saveAccount(account: unknown): Promise<{ registered: boolean; message: string }>;
  };
};

interface InboundAudio {
  packetsReceived: number;
  totalAudioEnergy: number;
  packetsSent: number;
  codec: string;
  selectedPairRemote: string;
}

let rtpengine: Rtpengine | undefined;
let sip: Kamailio | undefined;
let phone: Baresip | undefined;
let fixtures: StaticServer | undefined;
let browser: Browser | undefined;

async function dialableAudio(): Promise<InboundAudio> {
  const offscreen = await offscreenPage(browser!);
  return offscreen.evaluate(async () => {
    const pc = (globalThis as unknown as EngineWindow).dialableEngine.calls.active()?.session.sessionDescriptionHandler?.peerConnection;
    const out = { packetsReceived: 0, totalAudioEnergy: 0, packetsSent: 0, codec: '', selectedPairRemote: '' };
    if (!pc) return out;
    const reports = [...(await pc.getStats()).values()] as Array<Record<string, unknown>>;
    const byId = new Map(reports.map((r) => [r.id as string, r]));
    for (const r of reports) {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') {
        out.packetsReceived += Number(r.packetsReceived ?? 0);
        out.totalAudioEnergy += Number(r.totalAudioEnergy ?? 0);
        out.codec = String(byId.get(r.codecId as string)?.mimeType ?? '');
      }
      if (r.type === 'outbound-rtp' && r.kind === 'audio') out.packetsSent += Number(r.packetsSent ?? 0);
      if (r.type === 'transport' && r.selectedCandidatePairId) {
        const pair = byId.get(r.selectedCandidatePairId as string);
        const remote = byId.get(pair?.remoteCandidateId as string);
        out.selectedPairRemote = `${String(remote?.address ?? '')}:${String(remote?.port ?? '')}`;
      }
    }
    return out;
  });
}

async function waitForCallState(popup: Page, pattern: RegExp, timeout = 10_000): Promise<string> {
  await popup.bringToFront();
  await popup.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[data-testid="call-state"]')?.textContent ?? ''),
    { timeout, polling: 100 },
    pattern.source,
  );
  return popup.$eval('[data-testid="call-state"]', (el) => el.textContent ?? '');
}

describe.skipIf(skipReason !== '')(`Dialable calls a plain-RTP phone (baresip) through Kamailio + rtpengine${skipReason ? ` — ${skipReason}` : ''}`, () => {
  beforeAll(async () => {
    const address = hostAddress()!;
    rtpengine = await startRtpengine(address);
    const udpPort = await freeUdpPort();
    sip = await startKamailio({ users: USERS, rtpengine: { udpPort, ngSocket: rtpengine.ngSocket, users: [NUMBER] } });
    phone = await startBaresip({ user: NUMBER, password: USERS[NUMBER], domain: sip.domain, proxyPort: udpPort, toneHz: 440 });
    await phone.registered();
    fixtures = await startFixtureServer();
    browser = await launchChromium({ extensionDir: CHROME_DIST });
    await browser.defaultBrowserContext().overridePermissions(EXTENSION_ORIGIN, ['microphone']);
    await setSettings(browser, { defaultCountry: 'GB' });
    const offscreen = await offscreenPage(browser);
    // The target shows up before the document's module script has run.
    await offscreen.waitForFunction(() => 'dialableEngine' in globalThis, { timeout: 10_000, polling: 50 });
    const saved = await offscreen.evaluate(
      (account) => (globalThis as unknown as EngineWindow).dialableEngine.saveAccount(account),
      { server: sip.wsUrl, username: 'alice', domain: sip.domain, authUsername: '', password: USERS.alice, displayName: '', iceServers: [], register: true },
    );
    expect(saved.message).toContain('Registered');
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await phone?.stop();
    await Promise.all([fixtures?.close(), sip?.stop(), rtpengine?.stop()]);
  });

  test('a click on a number calls baresip; its tone reaches Dialable and Dialable’s audio reaches baresip, bridged DTLS-SRTP ↔ RTP; hold and resume go through the bridge', async () => {
    onTestFailed(() => {
      const tail = (text = '') => text.split('\n').slice(-60).join('\n');
      console.log(`[interop.e2e] kamailio:\n${tail(sip?.logs())}\n[interop.e2e] rtpengine:\n${tail(rtpengine?.logs())}\n[interop.e2e] baresip:\n${tail(phone?.logs())}`);
    });
    const popup = await openExtensionPage(browser!, 'popup/dialer/popup.html');
    await popup.waitForSelector('[data-testid="registration"]');
    const page = await browser!.newPage();
    await page.goto(`${fixtures!.url}/interactive/clicks.html`);
    const link = await page.waitForSelector('#plain a[data-dialable]:not([data-dialable-part])', { timeout: 10_000 });
    await link!.click();

    const established = await phone!.waitForEvent('CALL_ESTABLISHED', 10_000, true);
    expect(String(established.peeruri ?? '')).toContain('alice@');
    expect(await waitForCallState(popup, /Connected/)).toContain(SHOWN);

    // Media both ways, counted by all three: Dialable's getStats, rtpengine's per-side counters, baresip's call stats.
    const before = await dialableAudio();
    await new Promise((r) => setTimeout(r, 1_500));
    const after = await dialableAudio();
    console.log(`[interop.e2e] Dialable: ${JSON.stringify(after)}`);
    expect(after.packetsReceived - before.packetsReceived, 'Dialable receives RTP from baresip').toBeGreaterThan(40);
    expect(after.totalAudioEnergy - before.totalAudioEnergy, 'the tone is audible at Dialable').toBeGreaterThan(0);
    expect(after.codec).toMatch(/PCM[UA]/);

    const calls = await rtpengine!.calls();
    expect(calls, 'rtpengine handles the call').toHaveLength(1);
    const legs = await rtpengine!.query(calls[0]!);
    console.log(`[interop.e2e] rtpengine: ${JSON.stringify(legs)}`);
    const webrtc = legs.find((l) => l.protocols.some((p) => p.includes('SAVPF')));
    const plain = legs.find((l) => l.protocols.includes('RTP/AVP'));
    expect(webrtc?.packets, 'rtpengine receives SRTP from Dialable').toBeGreaterThan(40);
    expect(plain?.packets, 'rtpengine receives RTP from baresip').toBeGreaterThan(40);

    // baresip's RTCP member table counts what it received from Dialable's SSRC (through rtpengine).
    const audioDebug = await phone!.command('audio_debug');
    const received = Number(/rcvd=(\d+)/.exec(audioDebug)?.[1] ?? 0);
    console.log(`[interop.e2e] baresip received ${received} RTP packets from Dialable`);
    expect(received, `baresip receives RTP from Dialable:\n${audioDebug}`).toBeGreaterThan(40);

    // Hold and resume are re-INVITEs through the bridge (the Record-Route parameter finds rtpengine again).
    await popup.click('[data-testid="hold"]');
    expect(await waitForCallState(popup, /On hold/)).toBeTruthy();
    await popup.click('[data-testid="hold"]');
    expect(await waitForCallState(popup, /Connected/)).toBeTruthy();
    const resumed = await dialableAudio();
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await dialableAudio()).packetsReceived - resumed.packetsReceived, 'RTP from baresip after resume').toBeGreaterThan(25);

    await popup.click('[data-testid="hangup"]');
    await phone!.waitForEvent('CALL_CLOSED', 5_000, true);
    expect(await waitForCallState(popup, /Ended/)).toBeTruthy();
    // The BYE went through the bridge route: rtpengine has let the call go.
    await expect.poll(() => rtpengine!.calls(), { timeout: 5_000 }).toHaveLength(0);
    await page.close();
  });
});
