import type { Runtime } from 'webextension-polyfill';
import type { SenderInfo } from '../src/messaging/protocol';

/**
 * The single sender check: only this extension's own contexts count. Our pages (popup, options, offscreen) are
 * `extension`; anything running in a web page's tab or frame is `content`, however it labels itself.
 */
export function identifySender(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderInfo | undefined {
  if (sender.id !== extensionId) return undefined;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin) && sender.tab === undefined) return { origin: 'extension' };
  if (sender.tab?.id !== undefined && !url.startsWith(extensionOrigin)) {
    return { origin: 'content', tabId: sender.tab.id, frameUrl: url };
  }
  return url.startsWith(extensionOrigin) ? { origin: 'extension', tabId: sender.tab?.id } : undefined;
}
