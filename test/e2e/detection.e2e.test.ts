import { launchChromium } from './support/chromium';
import { describeDetection } from './support/detection-suite';
import { CHROME_DIST, setSettings } from './support/extension';

describeDetection({
  label: 'Chromium + dist/chrome',
  launch: () => launchChromium({ extensionDir: CHROME_DIST }),
  setSettings,
  // The same page without the extension (a separate browser context has no extensions) gives the reference text.
  async referenceText(browser, load) {
    const context = await browser.createBrowserContext();
    const plain = await context.newPage();
    await load(plain);
    await new Promise((r) => setTimeout(r, 300));
    const text = await plain.evaluate(() => document.body.innerText);
    const links = await plain.evaluate(() => document.querySelectorAll('a[data-dialable]').length);
    await context.close();
    if (links !== 0) throw new Error('the reference context has the extension');
    return text;
  },
});
