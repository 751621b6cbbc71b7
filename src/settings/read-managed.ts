import { coerceManaged, managedProblems, type ManagedProblems, type ManagedSettings } from './managed';

/** The part of `storage.managed` Dialable uses (the area is passed in: src/ never touches extension APIs). */
export interface ManagedArea {
  get(keys?: null): Promise<Record<string, unknown>>;
}

/**
 * Reads the administrator's values. Never throws: Firefox rejects `storage.managed.get()` when no managed-storage
 * manifest (or policies.json "3rdparty" entry) exists, and some contexts have no managed area at all — both mean
 * "nothing is managed".
 */
export async function readManaged(area: ManagedArea | undefined): Promise<ManagedSettings> {
  return coerceManaged(await readRaw(area));
}

/** The policy values {@link readManaged} dropped, and why. */
export async function readManagedProblems(area: ManagedArea | undefined): Promise<ManagedProblems> {
  return managedProblems(await readRaw(area));
}

async function readRaw(area: ManagedArea | undefined): Promise<unknown> {
  try {
    return area ? await area.get(null) : {};
  } catch {
    return {};
  }
}

/** The `storage.onChanged` area name of the administrator's values. */
export const MANAGED_AREA = 'managed';
