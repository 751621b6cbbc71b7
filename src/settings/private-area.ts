import type { PrivateArea } from './settings-areas';
import { secretStore } from './secret-store';

/** The IndexedDB key (in `secret-store.ts`'s database) of the private settings: calling and audio. */
const KEY = 'settings';
/** Same-origin only: content scripts run with the page's origin and can neither hear nor post on it. */
const CHANNEL = 'dialable-settings';

/**
 * The private settings area of an extension context (pages, service worker, offscreen document, Firefox's phone
 * window): IndexedDB of the extension origin, and a BroadcastChannel so every context learns of a change at once.
 */
export function privateArea(): PrivateArea {
  return {
    get: () => secretStore.get(KEY),
    async set(value) {
      await secretStore.set(KEY, value);
      // A channel object never hears its own messages: a fresh one reaches every watcher, this context's too.
      const channel = new BroadcastChannel(CHANNEL);
      channel.postMessage('changed');
      channel.close();
    },
    watch(onChange) {
      const channel = new BroadcastChannel(CHANNEL);
      channel.onmessage = () => onChange();
      return () => channel.close();
    },
  };
}
