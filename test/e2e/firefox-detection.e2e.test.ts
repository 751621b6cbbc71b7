import { describeDetection, FIXTURE_PAGES } from './support/detection-suite';
import { FIREFOX_DIST, launchFirefox, setFirefoxSettings } from './support/firefox';

describeDetection({
  label: 'Firefox ESR + dist/firefox',
  launch: () => launchFirefox({ extensionDir: FIREFOX_DIST }),
  setSettings: setFirefoxSettings,
  // Measured: with 600 ms, a loaded 2-core machine let Firefox pause between idle slices long enough to end the count
  // early on the longest pages (392/424 in one run, 419/424 in others).
  settleMs: 1_500,
  // Firefox runs extensions in every container, so the reference is the same pages with Dialable switched off.
  async referenceTexts(browser, read) {
    await setFirefoxSettings(browser, { enabled: false });
    const plain = await browser.newPage();
    const texts = new Map<string, string>();
    for (const name of FIXTURE_PAGES) {
      texts.set(name, await read(plain, name));
      // Waited for once: a content script would have linked something by then.
      if (texts.size === 1) await new Promise((r) => setTimeout(r, 300));
      if ((await plain.evaluate(() => document.querySelectorAll('a[data-dialable]').length)) !== 0) throw new Error('Dialable linked numbers while switched off');
    }
    await plain.close();
    await setFirefoxSettings(browser, { enabled: true });
    return texts;
  },
});
