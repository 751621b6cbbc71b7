// Firefox MV3 event page: the same router as Chrome's service worker. It is suspended ~30 s after the last event
// whatever is open, so it holds no state: the engine lives in the phone window (background/phone-window/phone.ts).
import { logger } from '../../src/logger';
import { engineChannel } from './engine-channel';
import { installBackground } from './install-background';
import { ensurePhoneWindow, phoneWindowRemoved, startPhoneIfConfigured } from '../shared/phone-window';
import { WELCOME_PAGE } from './show-engine-event';

installBackground(engineChannel(ensurePhoneWindow));

const start = () => startPhoneIfConfigured().catch((error: unknown) => logger.error('Could not open the phone window', error));
chrome.runtime.onStartup.addListener(start);
chrome.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') void chrome.tabs.create({ url: chrome.runtime.getURL(WELCOME_PAGE) });
  void start();
});
chrome.windows.onRemoved.addListener((windowId) => {
  phoneWindowRemoved(windowId).catch((error: unknown) => logger.warn('Could not sign the closed phone window off', error));
});
