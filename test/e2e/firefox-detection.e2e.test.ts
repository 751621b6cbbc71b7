import { describeDetection } from './support/detection-suite';
import { FIREFOX_DIST, launchFirefox, setFirefoxSettings } from './support/firefox';

describeDetection({
  label: 'Firefox ESR + dist/firefox',
  launch: () => launchFirefox({ extensionDir: FIREFOX_DIST }),
  setSettings: setFirefoxSettings,
  // Measured: with 600 ms, a loaded 2-core machine let Firefox pause between idle slices long enough to end the count
  // early on the longest pages (392/424 in one run, 419/424 in others).
  settleMs: 1_500,
  // Firefox runs extensions in every container, so the reference is the same page with Dialable switched off.
  async referenceText(browser, load) {
    await setFirefoxSettings(browser, { enabled: false });
    const plain = await browser.newPage();
    await load(plain);
    await new Promise((r) => setTimeout(r, 300));
    const text = await plain.evaluate(() => document.body.innerText);
    const links = await plain.evaluate(() => document.querySelectorAll('a[data-dialable]').length);
    await plain.close();
    await setFirefoxSettings(browser, { enabled: true });
    if (links !== 0) throw new Error('Dialable linked numbers while switched off');
    return text;
  },
});
