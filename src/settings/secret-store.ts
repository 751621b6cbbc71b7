/**
 * Credentials live in the extension origin's IndexedDB: our pages, service worker and offscreen document can read
 * it; content scripts run with the web page's origin and cannot (unlike `storage.local`, which they can read).
 */
const DB_NAME = 'dialable-secrets';
const STORE = 'kv';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
}

function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = op(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result as T);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

export const secretStore = {
  get<T>(key: string): Promise<T | undefined> {
    return run<T | undefined>('readonly', (s) => s.get(key));
  },
  set(key: string, value: unknown): Promise<void> {
    return run<void>('readwrite', (s) => s.put(value, key)).then(() => undefined);
  },
  delete(key: string): Promise<void> {
    return run<void>('readwrite', (s) => s.delete(key)).then(() => undefined);
  },
};
