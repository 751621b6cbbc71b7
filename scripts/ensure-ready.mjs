#!/usr/bin/env node
// Runs before `npm start` and `npm test` with Node's own modules only (nothing is installed yet on a fresh clone):
// installs the npm packages when they are missing or older than package-lock.json, and for the tests checks the
// system packages, naming the one command that installs them.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const SETUP = 'sudo bash scripts/setup-system.sh';
const mode = process.argv[2] === 'test' ? 'test' : 'start';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Dialable needs Node 20.19 or newer (this is ${process.versions.node}).`);

// The lock file's hash, stored next to the packages: a pull that changes the lock file installs again.
const stamp = 'node_modules/.dialable-lock-hash';
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (installed !== lockHash) {
  console.log(existsSync('node_modules') ? 'package-lock.json changed: installing npm packages (npm ci)…' : 'Installing npm packages (npm ci)…');
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (npm.status !== 0) fail('`npm ci` failed (see above): check the network to the npm registry, then run the command again.');
  writeFileSync(stamp, `${lockHash}\n`);
}

if (mode === 'test') {
  const modules = process.env.KAMAILIO_MODULES ?? '/usr/lib/x86_64-linux-gnu/kamailio/modules';
  const needs = [
    ['Chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'],
    ['Firefox ESR', process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'],
    ['Kamailio', process.env.KAMAILIO_PATH ?? '/usr/sbin/kamailio'],
    ["Kamailio's WebSocket module", `${modules}/websocket.so`],
    ['sqlite3', '/usr/bin/sqlite3'],
  ];
  const absent = needs.filter(([, path]) => !existsSync(path)).map(([name]) => name);
  if (absent.length > 0) fail(`The browser tests need ${absent.join(', ')}, which this machine lacks: run \`${SETUP}\` once, then \`npm test\` again.`);
}

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}
