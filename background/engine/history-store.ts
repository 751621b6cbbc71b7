import type { HistoryEntry } from '../../src/call/engine-snapshot';
import { cleanCallerText } from '../../src/call/caller-label';
import { secretStore } from '../../src/settings/secret-store';

const KEY = 'history';

/**
 * Call history, newest first, capped. Kept in the extension's IndexedDB (not storage.local, which content scripts
 * could read: who you called is private).
 */
export class HistoryStore {
  entries: HistoryEntry[] = [];

  constructor(private limit: number) {}

  async load(): Promise<void> {
    // Entries saved by versions that stored caller names as they came: cleaned like new ones.
    this.entries = ((await secretStore.get<HistoryEntry[]>(KEY)) ?? []).map(({ displayName, ...entry }) => {
      const name = displayName === undefined ? '' : cleanCallerText(displayName);
      return name ? { ...entry, displayName: name } : entry;
    });
  }

  setLimit(limit: number): void {
    this.limit = limit;
    this.entries = this.entries.slice(0, limit);
  }

  async add(entry: HistoryEntry): Promise<void> {
    this.entries = [entry, ...this.entries.filter((e) => e.id !== entry.id)].slice(0, this.limit);
    await secretStore.set(KEY, this.entries);
  }

  async clear(): Promise<void> {
    this.entries = [];
    await secretStore.set(KEY, []);
  }
}
