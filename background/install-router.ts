import browser from 'webextension-polyfill';
import { createRouter } from '../src/messaging/create-router';
import { createHandlers } from './create-handlers';
import { identifySender } from './identify-sender';
import { openDialer } from './open-dialer';
import { loadSettings } from './storage-settings';

/** Registers the one message listener (synchronously, at the top level of the worker, so wake-ups find it). */
export function installRouter(): void {
  const origin = browser.runtime.getURL('');
  const route = createRouter(
    createHandlers({ loadSettings, openDialer, uiLocale: browser.i18n.getUILanguage() }),
    (sender: browser.Runtime.MessageSender) => identifySender(sender, browser.runtime.id, origin),
  );
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => route(message, sender));
}
