import type { Browser } from 'puppeteer-core';
import { controlPage, EXTENSION_ORIGIN } from './extension';

/**
 * Evaluates `expression` in the extension's service worker through a short raw CDP session (attach, evaluate,
 * detach). The suite's launcher never lets puppeteer auto-attach to workers (a restarted worker would wait paused
 * for its debugger); this manual attach leaves nothing behind. The worker is woken first with a message from one
 * of our pages, as any event would wake it.
 *
 * Tests use it to fire the browser's own events at the listeners the worker registered, e.g.
 * `chrome.contextMenus.onClicked.dispatch(info, tab)` or `chrome.commands.onCommand.dispatch(name, tab)`: the
 * extension code under test is the store build, unchanged, with no test-only route or global.
 */
export async function evaluateInServiceWorker<T>(browser: Browser, expression: string): Promise<T> {
  const control = await controlPage(browser);
  await control.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:ensure-engine', payload: {} }));
  const cdp = await browser.target().createCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(EXTENSION_ORIGIN));
    if (!worker) throw new Error('the service worker is not running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
    const session = cdp.connection()?.session(sessionId);
    if (!session) throw new Error('no CDP session for the service worker');
    try {
      const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as T;
    } finally {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  } finally {
    await cdp.detach();
  }
}

/** Fires the browser's context-menu click event at the worker's listener (what a click on our menu item does). */
export function clickContextMenu(browser: Browser, info: Record<string, unknown>, tab: Record<string, unknown> = {}): Promise<void> {
  return evaluateInServiceWorker(browser, `chrome.contextMenus.onClicked.dispatch(${JSON.stringify(info)}, ${JSON.stringify(tab)})`);
}

/** Fires a keyboard shortcut's event at the worker's `commands.onCommand` listener. */
export function pressShortcut(browser: Browser, command: string, tab?: Record<string, unknown>): Promise<void> {
  return evaluateInServiceWorker(browser, `chrome.commands.onCommand.dispatch(${JSON.stringify(command)}${tab ? `, ${JSON.stringify(tab)}` : ''})`);
}
