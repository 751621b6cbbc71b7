import { sendMessage } from '../../src/messaging/send-message';

/**
 * The site shown in the current tab (the active tab of the last focused browser window: the toolbar popup belongs
 * to it, and the dialer window sits in front of it), asked from our content script in its top frame, so no `tabs`
 * permission is needed. `undefined` for pages without our content script (browser pages, the store, PDFs).
 */
export async function currentSite(): Promise<string | undefined> {
  try {
    const win = await chrome.windows.getLastFocused({ windowTypes: ['normal'] });
    const [tab] = await chrome.tabs.query({ active: true, windowId: win.id });
    if (tab?.id === undefined) return undefined;
    const tabId = tab.id;
    const reply = await sendMessage((m) => chrome.tabs.sendMessage(tabId, m, { frameId: 0 }), 'tab:get-site', {});
    return reply && typeof reply.host === 'string' && reply.host !== '' ? reply.host : undefined;
  } catch {
    return undefined;
  }
}
