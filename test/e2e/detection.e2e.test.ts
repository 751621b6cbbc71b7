import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { launchChromium } from './support/chromium';
import { describeDetection, FIXTURE_PAGES } from './support/detection-suite';
import { CHROME_DIST, setSettings } from './support/extension';

describeDetection({
  label: 'Chromium + dist/chrome',
  launch: () => launchChromium({ extensionDir: CHROME_DIST }),
  setSettings,
  // The same pages without the extension: a separate browser context has no extensions.
  async referenceTexts(browser, read) {
    const context = await browser.createBrowserContext();
    const plain = await context.newPage();
    const texts = new Map<string, string>();
    for (const name of FIXTURE_PAGES) {
      texts.set(name, await read(plain, name));
      // Waited for once: a content script would have linked something by then.
      if (texts.size === 1) await new Promise((r) => setTimeout(r, 300));
      if ((await plain.evaluate(() => document.querySelectorAll('a[data-dialable]').length)) !== 0) throw new Error('the reference context has the extension');
    }
    await context.close();
    return texts;
  },
});

describe('the built Chrome content script', () => {
  test('opens with V8\'s compile hint (eager compile: every function runs on the first scan)', () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_DIST, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ js: string[] }> };
    const scripts = manifest.content_scripts.flatMap((c) => c.js);
    expect(scripts.length).toBeGreaterThan(0);
    // V8 reads the hint only from a script's first line (a magic comment).
    for (const script of scripts) expect(readFileSync(join(CHROME_DIST, script), 'utf8').split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
  });
});
