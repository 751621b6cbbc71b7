// Chrome service worker: a router that may be stopped at any moment. All call state lives in the offscreen engine.
import { logger } from '../../src/logger';
import { installBackground } from './install-background';
import { ensureOffscreenEngine, sendToEngine } from './offscreen-engine';
import { WELCOME_PAGE } from './show-engine-event';
import { loadManaged, loadSettings, settingsStore } from '../shared/settings-store';
import { applyManagedAccount } from './apply-managed-account';

installBackground(sendToEngine);

/** Starts the engine (if it is not running) and gives it the current settings. */
async function boot(): Promise<void> {
  await ensureOffscreenEngine();
  const managed = await loadManaged();
  await sendToEngine({ command: 'settings', settings: await loadSettings(), managed });
  await applyManagedAccount(managed, sendToEngine);
}

chrome.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') void chrome.tabs.create({ url: chrome.runtime.getURL(WELCOME_PAGE) });
});
// Policy values arrive asynchronously (a second or two after start) and may change at any time. (The engine also
// hears private-settings changes itself: this worker may be asleep when a page writes them.)
settingsStore.watch(() => void boot());
// Every wake-up (browser start, install, an event) makes sure the engine runs: registration must not depend on
// the user opening the popup.
boot().catch((error: unknown) => logger.error('Could not start the engine', error));
