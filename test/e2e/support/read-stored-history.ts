import type { Page } from 'puppeteer-core';

/** The call history as the engine stored it (IndexedDB of the extension), read in one of our pages. */
export function readStoredHistory(page: Page): Promise<Array<{ number: string; displayName?: string }>> {
  return page.evaluate(
    () =>
      new Promise<Array<{ number: string; displayName?: string }>>((resolve, reject) => {
        const open = indexedDB.open('dialable-secrets');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('kv').objectStore('kv').get('history');
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result);
          };
        };
      }),
  );
}
