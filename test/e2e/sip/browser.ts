import type { Browser } from 'puppeteer-core';
import { launchChromium as launchSuiteChromium, type LaunchOptions } from '../support/chromium';

/**
 * Chromium for the SIP test bed: the suite's launcher (Debian Chromium, the flags from TESTING.md, a throw-away
 * profile) plus `--use-fake-ui-for-media-stream`, so plain peer pages get the fake microphone without a prompt.
 * Extension tests use the suite launcher with a CDP permission grant instead (so the denied path can be tested).
 */
export function launchChromium(options: Pick<LaunchOptions, 'extensionDir' | 'args'> = {}): Promise<Browser> {
  return launchSuiteChromium({ ...options, args: ['--use-fake-ui-for-media-stream', ...(options.args ?? [])] });
}
