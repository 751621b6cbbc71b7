import { defineConfig } from 'vitest/config';
import webExtension from 'vite-plugin-web-extension';
import { readdirSync, readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * One build per browser: `vite build --mode chrome` → dist/chrome, `--mode firefox` → dist/firefox.
 * manifest.json keeps browser-specific keys behind `{{chrome}}.` / `{{firefox}}.` prefixes.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'test') return { test: TEST_PROJECTS };
  const browser = mode === 'firefox' || mode === 'firefox-test' ? 'firefox' : 'chrome';
  const testBuild = mode === 'firefox-test';
  return {
    publicDir: 'src/assets',
    build: {
      outDir: testBuild ? 'dist/firefox-test' : `dist/${browser}`,
      emptyOutDir: true,
      minify: !process.env.DIALABLE_NO_MINIFY,
      sourcemap: false,
      target: browser === 'firefox' ? 'firefox140' : 'chrome120',
    },
    define: { __BROWSER__: JSON.stringify(browser) },
    plugins: [
      locales(),
      compileHints(),
      webExtension({
        browser,
        manifest: 'manifest.json',
        skipManifestValidation: true, // validation downloads a schema at build time
        disableAutoLaunch: true,
        printSummary: false,
        additionalInputs: ['popup/welcome/welcome.html', 'popup/handler/handler.html', ...(browser === 'firefox' ? ['background/phone-window/phone.html', 'background/worker/phone-release.html'] : ['background/offscreen/offscreen.html'])],
        transformManifest: (manifest) => ({ ...manifest, version: pkg.version, ...(testBuild ? { content_security_policy: TEST_CSP } : {}) }),
      }),
    ],
  };
});

/**
 * V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chrome 136+) on the content script: nearly every one of
 * its functions runs on a page's first scan, and compiling them eagerly with the script costs less than V8's default
 * of pre-parsing each one and compiling it again at its first call. Other engines read the line as a comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

function compileHints(): Plugin {
  return {
    name: 'dialable-compile-hints',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.fileName.startsWith('content/')) chunk.code = COMPILE_HINT + chunk.code;
      }
    },
  };
}

/**
 * `_locales/<lang>/messages.json` for the manifest's `__MSG_*__` and `i18n.getMessage`, merged from the per-area
 * dictionaries in src/i18n/messages/<lang>/*.json (the same files `src/i18n/t.ts` bundles).
 */
function locales(): Plugin {
  const root = 'src/i18n/messages';
  return {
    name: 'dialable-locales',
    generateBundle() {
      for (const lang of readdirSync(root)) {
        const merged: Record<string, unknown> = {};
        for (const file of readdirSync(`${root}/${lang}`).filter((f) => f.endsWith('.json')).sort()) {
          Object.assign(merged, JSON.parse(readFileSync(`${root}/${lang}/${file}`, 'utf8')));
        }
        this.emitFile({ type: 'asset', fileName: `_locales/${lang}/messages.json`, source: JSON.stringify(merged, null, 1) });
      }
    },
  };
}

/**
 * dist/firefox-test only (never zipped, never shipped): Firefox's default MV3 extension-page CSP adds
 * `upgrade-insecure-requests`, which silently turns the test bed's ws://127.0.0.1 into wss:// and fails. Production
 * servers use wss:// and keep the default CSP.
 */
const TEST_CSP = { extension_pages: "script-src 'self'; object-src 'self'" };

/**
 * Browser test files whose checks are about time under a frozen or killed server ("Reconnecting…" within 5 s, a
 * re-INVITE after a thaw): they run after the others, one at a time, so another file's browser cannot shift them.
 */
const E2E_ALONE = ['test/e2e/always-on.e2e.test.ts', 'test/e2e/firefox-always-on.e2e.test.ts'];
/**
 * The two detection suites check what gets linked, never how fast, and wait for a page's links to stay still
 * (Firefox's wait is sized for a loaded machine): they run first, side by side.
 */
const E2E_PAIR = ['test/e2e/detection.e2e.test.ts', 'test/e2e/firefox-detection.e2e.test.ts'];
const E2E = { environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 } as const;

/**
 * `vitest run --project unit` (pure logic, Node); `--project e2e-pair --project e2e --project e2e-alone` (real
 * Chromium, Firefox and Kamailio). One browser and one SIP server per file, one file at a time except the detection
 * pair: two files side by side on 2 cores made timing checks fail (a prompt hang-up, a registration within 5 s), so a
 * file with a timing check gets the machine to itself.
 */
const TEST_PROJECTS = {
  projects: [
    { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
    { test: { name: 'e2e-pair', include: E2E_PAIR, ...E2E, maxWorkers: 2, sequence: { groupOrder: 1 } } },
    { test: { name: 'e2e', include: ['test/e2e/**/*.e2e.test.ts'], exclude: [...E2E_PAIR, ...E2E_ALONE], ...E2E, fileParallelism: false, sequence: { groupOrder: 2 } } },
    { test: { name: 'e2e-alone', include: E2E_ALONE, ...E2E, fileParallelism: false, sequence: { groupOrder: 3 } } },
  ],
};
