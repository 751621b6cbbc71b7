import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOLD_MARKER, INVITE_MARKER, KAMAILIO_MODULES_DIR, LOCATION_PATH, PROTO_MARKER, REGISTER_MARKER, SAVED_MARKER, UNREGISTER_MARKER, kamailioCfg, tlsCfg, type RtpengineBridge } from './kamailio.cfg';

export const KAMAILIO = process.env.KAMAILIO_PATH ?? '/usr/sbin/kamailio';

/** Users every test server knows unless the caller passes its own map. */
export const DEFAULT_USERS: Readonly<Record<string, string>> = { alice: 'alice-secret', bob: 'bob-secret' };
export const DEFAULT_DOMAIN = 'dialable.test';

export interface KamailioOptions {
  /** username → password for digest auth. */
  users?: Record<string, string>;
  /** SIP domain (digest realm); clients use it in their AORs, it never needs to resolve. */
  domain?: string;
  /** Plain-RTP interop: a UDP listener and rtpengine on calls to some users (see kamailio.cfg.ts). */
  rtpengine?: RtpengineBridge;
  /** The longest registration granted, in s (default 3600). */
  maxExpires?: number;
  /** Every authenticated REGISTER from this user that adds a binding waits `ms` before it is saved and answered. */
  slowRegister?: { user: string; ms: number };
  /** Answers every REGISTER from this user with 503 and `Retry-After` (see kamailio.cfg.ts). */
  busyRegister?: { user: string; retryAfter: number };
  /** Also serve wss:// on a second free port with this certificate (PEM files; see support/test-ca.ts). */
  tls?: { certificatePath: string; privateKeyPath: string };
}

export interface Kamailio {
  /** `ws://127.0.0.1:<port>` */
  wsUrl: string;
  port: number;
  /** `wss://127.0.0.1:<tlsPort>` with the `tls` option, else undefined. */
  wssUrl: string | undefined;
  tlsPort: number | undefined;
  domain: string;
  /** PID of the current Kamailio main process (changes on restart). */
  pid: number;
  /** Everything Kamailio wrote to stdout and stderr since start (restarts included). */
  logs(): string;
  /** REGISTER requests received from `user` (From user part), counted from the log marker; includes challenged ones. */
  registerCount(user: string): number;
  /** Authenticated REGISTERs from `user` that the location table saved (registrations, refreshes, removals). */
  savedCount(user: string): number;
  /** Authenticated REGISTERs from `user` that removed a binding (`expires=0`). */
  unregisterCount(user: string): number;
  /** REGISTERs of the `slowRegister` user that Kamailio started holding. */
  heldRegisterCount(user: string): number;
  /** Initial INVITEs from `user` (From user part), challenged ones included (a call with digest auth counts 2). */
  inviteCount(user: string): number;
  /** The calls `user` started (initial INVITEs, one entry per Call-ID whatever the auth round trips), in order. */
  inviteCalls(user: string): Array<{ callId: string; target: string }>;
  /** The transports (`ws`, `wss`, `udp` …) that REGISTERs or initial INVITEs from `user` came over, in order. */
  protocols(user: string, method: 'REGISTER' | 'INVITE'): string[];
  /** Live (unexpired) bindings of `user` in the location table, read from Kamailio itself. */
  bindings(user: string): Promise<number>;
  /** Stop and start again on the same port; registrations (memory only) are lost, as after a real restart. */
  restart(): Promise<void>;
  /** Sends `signal` to every Kamailio process (SIGKILL: a crash; SIGSTOP/SIGCONT: a frozen server and its thaw). */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, SIGKILL after 3 s; resolves once the process has exited. Idempotent. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 3_000;
const START_TIMEOUT_MS = 10_000;
// Linux: have the kernel send SIGTERM to Kamailio if the Node thread that started it dies, even by SIGKILL.
const SETPRIV = '/usr/bin/setpriv';

/** Every Kamailio this process started and has not seen exit: the 'exit' hook kills what a crashed test left. */
const running = new Set<ChildProcess>();
/** Temp dirs of servers not stopped yet. */
const tempDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous: SIGKILL the groups, then remove the dirs. (A Node process killed by a
  // signal runs no handlers; the setpriv parent-death signal covers that case.)
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
}

/** Kamailio runs in its own process group (detached), so its forked workers go with it. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** A port the kernel just handed out on 127.0.0.1 and that nobody is listening on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Log lines that end with `marker`. */
function countMarker(output: string, marker: string): number {
  return output.split('\n').filter((line) => line.trimEnd().endsWith(marker)).length;
}

/** The INVITE marker lines from `user`, trimmed. */
function inviteLines(output: string, user: string): string[] {
  const marker = `${INVITE_MARKER} from=${user} to=`;
  return output.split('\n').map((line) => line.trimEnd()).filter((line) => line.includes(marker)).map((line) => line.slice(line.indexOf(INVITE_MARKER)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a WebSocket SIP registrar/proxy on a free loopback port. Call `stop()` in afterAll. */
export async function startKamailio(options: KamailioOptions = {}): Promise<Kamailio> {
  const users = options.users ?? { ...DEFAULT_USERS };
  const domain = options.domain ?? DEFAULT_DOMAIN;
  const port = await freePort();
  const tlsPort = options.tls ? await freePort() : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'dialable-kamailio-'));
  tempDirs.add(dir);
  const cfgPath = join(dir, 'kamailio.cfg');
  const tlsCfgPath = join(dir, 'tls.cfg');
  /** Writes the script (and the tls module's config) into the temp dir, on start and on every restart. */
  const writeConfig = () => {
    if (options.tls) writeFileSync(tlsCfgPath, tlsCfg(options.tls));
    writeFileSync(cfgPath, script());
  };

  let output = '';
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  installExitHook();

  async function launch(): Promise<void> {
    // -DD: foreground with children; -E: log to stderr; small shared (-m) and per-process (-M) memory in MB.
    const args = ['-f', cfgPath, '-DD', '-E', '-Y', dir, '-m', '32', '-M', '8'];
    const useSetpriv = process.platform === 'linux' && existsSync(SETPRIV);
    const proc = useSetpriv
      ? spawn(SETPRIV, ['--pdeathsig', 'TERM', KAMAILIO, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(KAMAILIO, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    running.add(proc);
    proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let hasExited = false;
    exited = new Promise<void>((resolve) => {
      const done = () => {
        hasExited = true;
        running.delete(proc);
        resolve();
      };
      proc.once('exit', done);
      // A failed spawn (no binary) emits 'error' and never 'exit'.
      proc.once('error', (error) => {
        output += `\n[spawn error] ${error.message}\n`;
        done();
      });
    });

    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await canConnect(port)) || (tlsPort !== undefined && !(await canConnect(tlsPort)))) {
      if (hasExited) {
        killGroup(proc, 'SIGKILL');
        throw new Error(`kamailio exited during start-up:\n${output}`);
      }
      if (Date.now() > deadline) {
        await stopProcess();
        throw new Error(`kamailio did not listen on 127.0.0.1:${port} within ${START_TIMEOUT_MS} ms:\n${output}`);
      }
      await sleep(50);
    }
  }

  async function stopProcess(): Promise<void> {
    const proc = child;
    if (!proc) return;
    if (proc.exitCode !== null || proc.signalCode !== null) {
      // The main process died on its own; its workers may not have.
      killGroup(proc, 'SIGKILL');
      return;
    }
    killGroup(proc, 'SIGTERM');
    const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
    // The main process reaps its workers on SIGTERM; make sure none outlived a SIGKILL of the main one.
    killGroup(proc, 'SIGKILL');
  }

  const script = () =>
    kamailioCfg({ port, domain, users, runDir: dir, modulesDir: KAMAILIO_MODULES_DIR, ...(options.rtpengine ? { rtpengine: options.rtpengine } : {}), ...(options.maxExpires ? { maxExpires: options.maxExpires } : {}), ...(options.slowRegister ? { slowRegister: options.slowRegister } : {}), ...(options.busyRegister ? { busyRegister: options.busyRegister } : {}), ...(tlsPort ? { tls: { port: tlsPort, configPath: tlsCfgPath } } : {}) });

  try {
    writeConfig();
    await launch();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
    throw error;
  }

  const handle: Kamailio = {
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    wssUrl: tlsPort === undefined ? undefined : `wss://127.0.0.1:${tlsPort}`,
    tlsPort,
    domain,
    pid: child!.pid!,
    logs: () => output,
    registerCount: (user) => countMarker(output, `${REGISTER_MARKER} user=${user}`),
    savedCount: (user) => countMarker(output, `${SAVED_MARKER} user=${user}`),
    unregisterCount: (user) => countMarker(output, `${UNREGISTER_MARKER} user=${user}`),
    heldRegisterCount: (user) => countMarker(output, `${HOLD_MARKER} user=${user}`),
    inviteCount: (user) => inviteLines(output, user).length,
    inviteCalls: (user) => {
      const calls = new Map<string, string>();
      for (const line of inviteLines(output, user)) {
        const [, target = '', callId = ''] = / to=(\S*) call=(\S*)$/.exec(line) ?? [];
        if (!calls.has(callId)) calls.set(callId, target);
      }
      return [...calls].map(([callId, target]) => ({ callId, target }));
    },
    protocols: (user, method) => {
      const marker = `${PROTO_MARKER} method=${method} user=${user} proto=`;
      return output.split('\n').filter((line) => line.includes(marker)).map((line) => line.slice(line.indexOf(marker) + marker.length).trim());
    },
    async bindings(user) {
      const response = await fetch(`http://127.0.0.1:${port}${LOCATION_PATH}${user}`);
      if (!response.ok) throw new Error(`kamailio location: HTTP ${response.status}`);
      return Number(await response.text());
    },
    /** Also starts it again after stop() (the "server was down and came back" case). */
    async restart() {
      await stopProcess();
      output += `\n[test] restarting kamailio on port ${port}\n`;
      mkdirSync(dir, { recursive: true });
      tempDirs.add(dir);
      writeConfig();
      await launch();
      handle.pid = child!.pid!;
    },
    signal(signal) {
      if (child) killGroup(child, signal);
    },
    async stop() {
      await stopProcess();
      rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    },
  };
  return handle;
}
