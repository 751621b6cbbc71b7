import { createSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { freeUdpPort, startService, type ServiceProcess } from './service-process';

export const RTPENGINE = process.env.RTPENGINE_PATH ?? '/usr/bin/rtpengine';

/** Packet counters rtpengine keeps for one side (tag) of a call: what it received from that side. */
export interface RtpengineLeg {
  tag: string;
  /** RTP packets and bytes received from this side, summed over its media streams. */
  packets: number;
  bytes: number;
  /** Transport protocol of its media, e.g. UDP/TLS/RTP/SAVPF or RTP/AVP. */
  protocols: string[];
}

export interface Rtpengine {
  /** For Kamailio's `rtpengine_sock`: `udp:127.0.0.1:<port>`. */
  ngSocket: string;
  pid: number;
  logs(): string;
  /** NG `list`: Call-IDs rtpengine is handling. */
  calls(): Promise<string[]>;
  /** NG `query` for one call: per side, what rtpengine received. */
  query(callId: string): Promise<RtpengineLeg[]>;
  stop(): Promise<void>;
}

type Bencoded = string | number | Bencoded[] | { [key: string]: Bencoded };

/** Bencode (the NG protocol's encoding): strings, integers, lists, dictionaries. */
function bencode(value: Bencoded): string {
  if (typeof value === 'number') return `i${Math.trunc(value)}e`;
  if (typeof value === 'string') return `${Buffer.byteLength(value)}:${value}`;
  if (Array.isArray(value)) return `l${value.map(bencode).join('')}e`;
  return `d${Object.keys(value).sort().map((k) => bencode(k) + bencode(value[k] as Bencoded)).join('')}e`;
}

function bdecode(data: Buffer): Bencoded {
  let i = 0;
  const next = (): Bencoded => {
    const c = String.fromCharCode(data[i] as number);
    if (c === 'i') {
      const end = data.indexOf(0x65, i);
      const n = Number(data.subarray(i + 1, end).toString());
      i = end + 1;
      return n;
    }
    if (c === 'l') {
      i++;
      const list: Bencoded[] = [];
      while (data[i] !== 0x65) list.push(next());
      i++;
      return list;
    }
    if (c === 'd') {
      i++;
      const dict: Record<string, Bencoded> = {};
      while (data[i] !== 0x65) {
        const key = next() as string;
        dict[key] = next();
      }
      i++;
      return dict;
    }
    const colon = data.indexOf(0x3a, i);
    const length = Number(data.subarray(i, colon).toString());
    const text = data.subarray(colon + 1, colon + 1 + length).toString();
    i = colon + 1 + length;
    return text;
  };
  return next();
}

/** One NG request/response over UDP: `<cookie> <bencoded dict>`. */
async function ng(port: number, command: Record<string, Bencoded>, timeoutMs = 2_000): Promise<Record<string, Bencoded>> {
  const socket = createSocket('udp4');
  const cookie = randomBytes(6).toString('hex');
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`rtpengine: no answer to ${String(command.command)} within ${timeoutMs} ms`)), timeoutMs);
      socket.on('message', (message) => {
        const space = message.indexOf(0x20);
        if (message.subarray(0, space).toString() !== cookie) return;
        clearTimeout(timer);
        resolve(bdecode(message.subarray(space + 1)) as Record<string, Bencoded>);
      });
      socket.on('error', reject);
      socket.send(`${cookie} ${bencode(command)}`, port, '127.0.0.1');
    });
  } finally {
    socket.close();
  }
}

/**
 * Starts rtpengine in userspace (`--table=-1`: no kernel forwarding) as the media relay between WebRTC and plain RTP:
 * media on `address` (a non-loopback host address, where Chromium's ICE candidates are), NG control on a free
 * loopback UDP port. `stop()` it in afterAll.
 */
export async function startRtpengine(address: string): Promise<Rtpengine> {
  const port = await freeUdpPort();
  // An even, random 200-port window, so parallel runs on one machine rarely meet.
  const portMin = 20_000 + 2 * Math.floor(Math.random() * 10_000);
  const service: ServiceProcess = startService(RTPENGINE, [
    '--config-file=none',
    '--foreground',
    '--log-stderr',
    '--table=-1',
    `--interface=${address}`,
    `--listen-ng=127.0.0.1:${port}`,
    `--port-min=${portMin}`,
    `--port-max=${portMin + 199}`,
    '--log-level=6',
    '--delete-delay=0',
  ]);
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (service.hasExited()) throw new Error(`rtpengine exited during start-up:\n${service.logs()}`);
    const pong = await ng(port, { command: 'ping' }, 300).catch(() => undefined);
    if (pong?.result === 'pong') break;
    if (Date.now() > deadline) {
      await service.stop();
      throw new Error(`rtpengine did not answer on 127.0.0.1:${port}:\n${service.logs()}`);
    }
  }
  return {
    ngSocket: `udp:127.0.0.1:${port}`,
    pid: service.pid,
    logs: service.logs,
    async calls() {
      const reply = await ng(port, { command: 'list' });
      return (reply.calls as string[] | undefined) ?? [];
    },
    async query(callId) {
      const reply = await ng(port, { command: 'query', 'call-id': callId });
      if (reply.result !== 'ok') throw new Error(`rtpengine query ${callId}: ${JSON.stringify(reply)}`);
      const tags = (reply.tags ?? {}) as Record<string, { medias?: { protocol?: string; streams?: { stats?: { packets?: number; bytes?: number } }[] }[] }>;
      return Object.entries(tags).map(([tag, leg]) => {
        const medias = leg.medias ?? [];
        const streams = medias.flatMap((m) => m.streams ?? []);
        return {
          tag,
          packets: streams.reduce((n, s) => n + (s.stats?.packets ?? 0), 0),
          bytes: streams.reduce((n, s) => n + (s.stats?.bytes ?? 0), 0),
          protocols: medias.map((m) => m.protocol ?? ''),
        };
      });
    },
    stop: service.stop,
  };
}
