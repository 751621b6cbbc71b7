import type { SenderInfo } from './protocol';
import { BACKGROUND_SCRIPTS, PAGES } from '../well-known';

/** The parts of a runtime.MessageSender we look at (same shape in Chrome and Firefox). */
export interface RuntimeSender {
  id?: string;
  url?: string;
  /** 0 for a tab's top frame. */
  frameId?: number;
  /** The sending document's origin (Chrome; right also for about:blank and srcdoc frames, which inherit it). */
  origin?: string;
  tab?: { id?: number; title?: string; url?: string };
}

/** Extension paths of the contexts that are not ordinary UI pages. */
const ENGINE_PAGES: string[] = [PAGES.offscreen, PAGES.phone].map((p) => `/${p}`);
const BACKGROUND_PAGES: string[] = BACKGROUND_SCRIPTS.map((p) => `/${p}`);

/**
 * The single sender check: only this extension's own contexts count. Anything running in a web page's tab or frame
 * is `content`, however it labels itself; our own pages are told apart by their path.
 */
export function identifySender(sender: RuntimeSender, extensionId: string, extensionOrigin: string): SenderInfo | undefined {
  if (sender.id !== extensionId) return undefined;
  const url = sender.url ?? '';
  const ours = url.startsWith(extensionOrigin);
  if (!ours) {
    if (sender.tab?.id === undefined) return undefined;
    // The tab's title and address come from the browser, not from the page's message.
    const tab = { title: sender.tab.title ?? '', url: sender.tab.url ?? url };
    const frame = crossOriginFrame(sender, tab.url);
    return { origin: 'content', tabId: sender.tab.id, frameUrl: url, tab, ...(frame !== undefined ? { crossOriginFrame: frame } : {}) };
  }
  const path = new URL(url).pathname;
  if (ENGINE_PAGES.includes(path)) return { origin: 'engine' };
  if (BACKGROUND_PAGES.includes(path) || (sender.tab === undefined && path.endsWith('.js'))) return { origin: 'background' };
  return sender.tab?.id !== undefined ? { origin: 'extension', tabId: sender.tab.id } : { origin: 'extension' };
}

/**
 * The host of a sub-frame whose origin differs from the tab's (an ad, an embed), or that we cannot place (an opaque
 * origin: sandboxed, data:, about:blank without Chrome's `sender.origin`); undefined for the top frame and frames of
 * the tab's own origin. Only browser-provided data is used.
 */
export function crossOriginFrame(sender: Pick<RuntimeSender, 'frameId' | 'origin' | 'url'>, tabUrl: string): string | undefined {
  if (sender.frameId === 0) return undefined;
  const tabOrigin = originOf(tabUrl);
  const frameOrigin = sender.origin && sender.origin !== 'null' ? sender.origin : originOf(sender.url ?? '');
  if (frameOrigin !== undefined && frameOrigin === tabOrigin) return undefined;
  if (sender.frameId === undefined && sender.url === tabUrl && tabOrigin !== undefined) return undefined;
  const host = frameOrigin ? new URL(frameOrigin).host : '';
  return host || (sender.url ?? '').slice(0, 64) || '?';
}

function originOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const origin = new URL(url).origin;
  return origin === 'null' ? undefined : origin;
}
