import { loadManaged, settingsStore } from '../shared/settings-store';

/**
 * The "Do not disturb" shortcut: flips the user's switch, as the popup's button does (the engine and the badge
 * follow the setting). A policy value wins: then the shortcut changes nothing.
 */
export async function toggleDnd(): Promise<void> {
  if ((await loadManaged()).dnd !== undefined) return;
  await settingsStore.update((current) => ({ calling: { dnd: !current.calling.dnd } }));
}
