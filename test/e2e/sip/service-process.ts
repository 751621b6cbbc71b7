import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';

/**
 * A server process a test starts and stops (rtpengine, baresip), the way kamailio.ts runs Kamailio: its own process
 * group, SIGTERM to the group on stop (SIGKILL after a grace period), output kept for error messages, and — on Linux —
 * `setpriv --pdeathsig` so the kernel stops it even when the test process is killed.
 */
export interface ServiceProcess {
  pid: number;
  /** Everything it wrote to stdout and stderr. */
  logs(): string;
  /** Resolves once it has exited (for whatever reason). */
  exited: Promise<void>;
  hasExited(): boolean;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
}

const SETPRIV = '/usr/bin/setpriv';
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export function startService(command: string, args: string[], options: { cwd?: string; graceMs?: number } = {}): ServiceProcess {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const child of running) killGroup(child, 'SIGKILL');
    });
  }
  const useSetpriv = process.platform === 'linux' && existsSync(SETPRIV);
  const spawnOptions = { detached: true, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'], ...(options.cwd ? { cwd: options.cwd } : {}) };
  const child = useSetpriv ? spawn(SETPRIV, ['--pdeathsig', 'TERM', command, ...args], spawnOptions) : spawn(command, args, spawnOptions);
  running.add(child);
  let output = '';
  let exited = false;
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitedPromise = new Promise<void>((resolve) => {
    const done = () => {
      exited = true;
      running.delete(child);
      resolve();
    };
    child.once('exit', done);
    child.once('error', (error) => {
      output += `\n[spawn error] ${error.message}\n`;
      done();
    });
  });
  return {
    pid: child.pid ?? -1,
    logs: () => output,
    exited: exitedPromise,
    hasExited: () => exited,
    async stop() {
      if (exited) {
        killGroup(child, 'SIGKILL');
        return;
      }
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), options.graceMs ?? 3_000);
      await exitedPromise;
      clearTimeout(timer);
      killGroup(child, 'SIGKILL');
    },
  };
}

/** A UDP port the kernel just handed out on 127.0.0.1 (and closed again). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/**
 * The machine's first non-loopback IPv4 address. Chromium's ICE offers host candidates on such interfaces only
 * (see TESTING.md), so media relays must listen there.
 */
export function hostAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}
