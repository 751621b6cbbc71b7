import browser from 'webextension-polyfill';
import { createRouter } from '../src/messaging/create-router';
import { createHandlers, type SendToEngine } from './create-handlers';
import { identifySender } from './identify-sender';
import { openDialer } from './open-dialer';
import { showEngineEvent } from './show-engine-event';
import { loadSettings } from './storage-settings';

/** Registers the one message listener (synchronously, at the top level of the worker, so wake-ups find it). */
export function installRouter(engine: SendToEngine): void {
  const origin = browser.runtime.getURL('');
  const route = createRouter<'background', browser.Runtime.MessageSender>(
    createHandlers({ loadSettings, engine, openDialer, onEngineEvent: showEngineEvent, uiLocale: browser.i18n.getUILanguage() }),
    (sender) => identifySender(sender, browser.runtime.id, origin),
  );
  // Returning undefined (not a promise) leaves messages addressed to the engine for the engine to answer.
  browser.runtime.onMessage.addListener(((message: unknown, sender: browser.Runtime.MessageSender) => route(message, sender)) as never);
}
