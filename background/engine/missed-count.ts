import { logger } from '../../src/logger';
import { secretStore } from '../../src/settings/secret-store';
import { SECRET_KEYS } from '../../src/well-known';

/** Missed calls since the popup was last opened: the badge keeps counting across browser restarts. */
export class MissedCount {
  value = 0;

  async load(): Promise<void> {
    this.value = (await secretStore.get<number>(SECRET_KEYS.missed)) ?? 0;
  }

  add(): void {
    this.set(this.value + 1);
  }

  set(count: number): void {
    this.value = count;
    void secretStore.set(SECRET_KEYS.missed, count).catch((error: unknown) => logger.warn('Could not save the missed-call count', error));
  }
}
