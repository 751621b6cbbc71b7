import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './kamailio';
import { freeUdpPort, startService, type ServiceProcess } from './service-process';

export const BARESIP = process.env.BARESIP_PATH ?? '/usr/bin/baresip';
export const BARESIP_MODULES_DIR = process.env.BARESIP_MODULES ?? '/usr/lib/baresip/modules';

/** One JSON message from baresip's ctrl_tcp socket: an event (`event: true`, `type`) or a command response. */
export interface BaresipMessage {
  event?: boolean;
  type?: string;
  response?: boolean;
  ok?: boolean;
  data?: string;
  token?: string;
  [key: string]: unknown;
}

export interface BaresipOptions {
  /** User part of the AOR (also the digest user). */
  user: string;
  password: string;
  domain: string;
  /** Kamailio's plain-SIP UDP port on 127.0.0.1 (outbound proxy). */
  proxyPort: number;
  /** Frequency of the tone it sends (ausine). */
  toneHz?: number;
}

export interface Baresip {
  pid: number;
  logs(): string;
  /** Everything received on the control socket so far (events and responses). */
  messages(): BaresipMessage[];
  /** Runs a command (the long names of baresip's menu, e.g. `callstat`) and resolves with its text. */
  command(name: string, params?: string): Promise<string>;
  /** Resolves once the account is registered (seen in its log: it may register before the control socket is up). */
  registered(timeoutMs?: number): Promise<void>;
  /** Resolves with the first event of `type` received from now (or already received when `past`). */
  waitForEvent(type: string, timeoutMs?: number, past?: boolean): Promise<BaresipMessage>;
  stop(): Promise<void>;
}

/** netstring (`<length>:<bytes>,`), the framing of baresip's ctrl_tcp. */
function netstring(text: string): string {
  return `${Buffer.byteLength(text)}:${text},`;
}

/**
 * A plain-RTP SIP phone: baresip with UDP SIP on 127.0.0.1, registered through Kamailio, answering every call at once
 * (`answermode=auto`) and sending a sine tone (`ausine`) as its microphone; G.711 only; what it plays goes nowhere
 * (`aubridge`). Driven through its ctrl_tcp socket (JSON in netstrings). `stop()` it in afterAll.
 */
export async function startBaresip(options: BaresipOptions): Promise<Baresip> {
  const dir = mkdtempSync(join(tmpdir(), 'dialable-baresip-'));
  const sipPort = await freeUdpPort();
  const ctrlPort = await freePort();
  writeFileSync(
    join(dir, 'config'),
    [
      'poll_method epoll',
      `sip_listen 127.0.0.1:${sipPort}`,
      `audio_source ausine,${options.toneHz ?? 440}`,
      'audio_player aubridge,nowhere',
      'audio_alert aubridge,nowhere',
      // ausine only makes 48 kHz stereo: baresip resamples to the codec's 8 kHz mono.
      'ausrc_srate 48000',
      'auplay_srate 48000',
      'ausrc_channels 2',
      'auplay_channels 2',
      'rtp_stats yes',
      `module_path ${BARESIP_MODULES_DIR}`,
      'module g711.so',
      'module ausine.so',
      'module aubridge.so',
      'module_app account.so',
      'module_app menu.so',
      'module_app ctrl_tcp.so',
      `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'accounts'),
    `<sip:${options.user}@${options.domain}>;auth_pass=${options.password};outbound="sip:127.0.0.1:${options.proxyPort};transport=udp";regint=600;answermode=auto;audio_codecs=PCMU,PCMA\n`,
  );
  const service: ServiceProcess = startService(BARESIP, ['-4', '-v', ...(process.env.BARESIP_SIP_TRACE ? ['-s'] : []), '-f', dir]);
  const received: BaresipMessage[] = [];
  const waiters = new Set<(m: BaresipMessage) => void>();

  let socket: Socket | undefined;
  const deadline = Date.now() + 10_000;
  while (!socket) {
    if (service.hasExited()) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`baresip exited during start-up:\n${service.logs()}`);
    }
    socket = await new Promise<Socket | undefined>((resolve) => {
      const s = createConnection({ host: '127.0.0.1', port: ctrlPort });
      s.once('connect', () => resolve(s));
      s.once('error', () => resolve(undefined));
    });
    if (!socket) {
      if (Date.now() > deadline) {
        await service.stop();
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`baresip did not open its control socket:\n${service.logs()}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length + 1) return;
      const text = buffer.subarray(colon + 1, colon + 1 + length).toString();
      buffer = buffer.subarray(colon + 1 + length + 1);
      try {
        const message = JSON.parse(text) as BaresipMessage;
        received.push(message);
        for (const waiter of waiters) waiter(message);
      } catch {
        // Not JSON: ignore.
      }
    }
  });
  socket.on('error', () => undefined);

  let tokens = 0;
  const ctrl = socket;
  const handle: Baresip = {
    pid: service.pid,
    logs: service.logs,
    messages: () => [...received],
    command(name, params = '') {
      const token = `t${++tokens}`;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(onMessage);
          reject(new Error(`baresip: no response to ${name}`));
        }, 5_000);
        function onMessage(m: BaresipMessage) {
          if (!m.response || m.token !== token) return;
          clearTimeout(timer);
          waiters.delete(onMessage);
          if (m.ok === false) reject(new Error(`baresip ${name}: ${m.data ?? 'failed'}`));
          else resolve(m.data ?? '');
        }
        waiters.add(onMessage);
        ctrl.write(netstring(JSON.stringify({ command: name, params, token })));
      });
    },
    async registered(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      // "<aor>: {0/UDP/v4} 200 OK (<server>) [1 binding]", or the REGISTER_OK event.
      while (!/\} 200 OK .*binding/.test(service.logs()) && !received.some((m) => m.type === 'REGISTER_OK')) {
        if (service.hasExited() || Date.now() > deadline) throw new Error(`baresip did not register:\n${service.logs().slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    waitForEvent(type, timeoutMs = 10_000, past = false) {
      const seen = past ? received.find((m) => m.event && m.type === type) : undefined;
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(onMessage);
          reject(new Error(`baresip: no ${type} event within ${timeoutMs} ms; events: ${received.filter((m) => m.event).map((m) => m.type).join(', ')}\n${service.logs().slice(-3000)}`));
        }, timeoutMs);
        function onMessage(m: BaresipMessage) {
          if (!m.event || m.type !== type) return;
          clearTimeout(timer);
          waiters.delete(onMessage);
          resolve(m);
        }
        waiters.add(onMessage);
      });
    },
    async stop() {
      ctrl.destroy();
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}
