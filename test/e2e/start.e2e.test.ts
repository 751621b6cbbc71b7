import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import { waitUntil } from './support/wait-until';

/**
 * `npm start` after its build step (the build ran before this suite): the demo comes up headless with a registered
 * account and says where to click, and Ctrl+C stops every process it started.
 */
let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

async function startDemo(args: string[]): Promise<{ output: () => string; exited: Promise<number | null> }> {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  return { output: () => text, exited };
}

test.each([[[]], [['--firefox']]])('npm start %j: a registered demo account and the demo URL, headless; Ctrl+C stops it', async (args) => {
  const demo = await startDemo(args);
  await waitUntil(async () => /Press Ctrl\+C to stop/.test(demo.output()), 90_000, 'the demo to start');
  const out = demo.output();
  expect(out).toMatch(/Registered as alice@dialable\.test/);
  expect(out).toMatch(/Demo page: http:\/\/127\.0\.0\.1:\d+\/interactive\/demo\.html/);
  expect(out).toMatch(/Demo CRM: http:\/\/127\.0\.0\.1:\d+\/interactive\/demo-crm\.html/);
  expect(out).toMatch(/No display/);
  const server = /SIP server: ws:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
  expect(server).toBeDefined();
  child!.kill('SIGINT');
  // 130: puppeteer's own SIGINT handler closes the browser first and exits as a shell does after Ctrl+C.
  expect([0, 130]).toContain(await demo.exited);
  // Kamailio went with it: nothing listens on its port any more.
  const { createConnection } = await import('node:net');
  const open = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: Number(server) });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
  expect(open).toBe(false);
}, 120_000);
