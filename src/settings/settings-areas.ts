import type { ManagedArea } from './read-managed';

type ChangeListener = (changes: Record<string, unknown>, area: string) => void;

/**
 * The slice of `chrome.storage` the settings use. Each context passes its own (`chrome.storage`,
 * `browser.storage`) in at the edge; src/ never touches extension APIs, and unit tests pass a fake.
 */
export interface ExtensionStorage {
  local: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  managed?: ManagedArea;
  onChanged: { addListener(listener: ChangeListener): void; removeListener(listener: ChangeListener): void };
}

/**
 * Where the settings content scripts must not read or write live (calling, audio): the extension origin's own
 * IndexedDB in the browser (`private-area.ts`), a variable in unit tests.
 */
export interface PrivateArea {
  get(): Promise<unknown>;
  /** Stores the value and tells every extension context watching (this one included). */
  set(value: unknown): Promise<void>;
  /** Calls back after any context's `set`; returns the unsubscribe function. */
  watch(onChange: () => void): () => void;
}

/** What a settings store reads and writes. Content scripts have no `private` area: they get defaults there. */
export interface SettingsAreas {
  storage: ExtensionStorage;
  private?: PrivateArea;
}
