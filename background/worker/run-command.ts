import { sendMessage } from '../../src/messaging/send-message';
import type { Actions, CallSource } from './create-actions';

/** The manifest's `commands` (the browser lets users change their keys: chrome://extensions/shortcuts, about:addons). */
export const COMMANDS = ['open-dialer', 'call-selection', 'hang-up', 'answer', 'toggle-dnd'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CommandDeps {
  actions: Actions;
  /** Opens the toolbar popup (a shortcut is a user gesture), or the dialer window where that is refused. */
  openPopup(): Promise<void>;
  /** Switches Do not disturb on or off (unless a policy decides it). */
  toggleDnd(): Promise<void>;
}

const MAX_URL = 2048;
const MAX_TITLE = 256;

/** Runs one keyboard shortcut. `tab` is the tab the browser says was active when the keys were pressed. */
export function createCommandHandler({ actions, openPopup, toggleDnd }: CommandDeps) {
  return async (command: string, given?: chrome.tabs.Tab): Promise<void> => {
    switch (command as CommandName) {
      case 'open-dialer':
        return openPopup();
      case 'call-selection': {
        const tab = given?.id !== undefined ? given : (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0];
        await actions.dialSelection((await selectionIn(tab?.id)) ?? '', sourceOf(tab));
        return;
      }
      case 'hang-up':
        await actions.call({ action: 'hangup' });
        return;
      case 'answer':
        await actions.call({ action: 'answer' });
        return;
      case 'toggle-dnd':
        return toggleDnd();
    }
  };
}

/** Where the call came from, as the browser names the tab (never what a page's script replies), capped. */
export function sourceOf(tab: { url?: unknown; title?: unknown } | undefined): CallSource {
  const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
  return { url: text(tab?.url, MAX_URL), title: text(tab?.title, MAX_TITLE) };
}

/**
 * The selected text in the tab's focused frame, from our content script (no `scripting`/`activeTab` permission
 * needed): only that frame answers. `undefined` when there is none or the page has no content script.
 */
async function selectionIn(id: number | undefined): Promise<string | undefined> {
  if (id === undefined) return undefined;
  const reply = await sendMessage((m) => chrome.tabs.sendMessage(id, m), 'tab:get-selection', {}).catch(() => undefined);
  return reply && typeof reply.text === 'string' && reply.text.trim() ? reply.text.slice(0, 2048) : undefined;
}
