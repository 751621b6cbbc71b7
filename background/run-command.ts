import browser from 'webextension-polyfill';
import { sendMessage } from '../src/messaging/send-message';
import type { Actions } from './create-actions';

/** The manifest's `commands` (the browser lets users change their keys: chrome://extensions/shortcuts, about:addons). */
export const COMMANDS = ['open-dialer', 'call-selection', 'hang-up', 'answer'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CommandDeps {
  actions: Actions;
  /** Opens the toolbar popup (a shortcut is a user gesture), or the dialer window where that is refused. */
  openPopup(): Promise<void>;
}

/** Runs one keyboard shortcut. `tab` is the tab the browser says was active when the keys were pressed. */
export function createCommandHandler({ actions, openPopup }: CommandDeps) {
  return async (command: string, tab?: browser.Tabs.Tab): Promise<void> => {
    switch (command as CommandName) {
      case 'open-dialer':
        return openPopup();
      case 'call-selection': {
        const selection = await selectionIn(tab);
        if (!selection) {
          await actions.dialSelection('', { url: tab?.url ?? '', title: tab?.title ?? '' });
          return;
        }
        await actions.dialSelection(selection.text, { url: selection.url, title: selection.title });
        return;
      }
      case 'hang-up':
        await actions.call({ action: 'hangup' });
        return;
      case 'answer':
        await actions.call({ action: 'answer' });
        return;
    }
  };
}

/**
 * The selected text of the tab, from our content script (no `scripting`/`activeTab` permission needed): only the
 * frame that holds a selection answers. `undefined` when there is none or the page has no content script.
 */
async function selectionIn(tab: browser.Tabs.Tab | undefined) {
  const id = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (id === undefined) return undefined;
  const reply = await sendMessage((m) => browser.tabs.sendMessage(id, m), 'tab:get-selection', {}).catch(() => undefined);
  return reply && typeof reply.text === 'string' && reply.text.trim() ? reply : undefined;
}
