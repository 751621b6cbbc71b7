import { logger } from '../../src/logger';
import { answerAsync } from '../../src/messaging/answer-async';
import { createRouter } from '../../src/messaging/create-router';
import { identifySender } from '../../src/messaging/identify-sender';
import { selectionNumber } from '../../src/phone/selection-number';
import { oneAtATime } from './one-at-a-time';
import { createContextMenus, createMenuClickHandler, createShownHandler, decidesOnShown, menus, showSelectionMenu } from './context-menu';
import { createActions, type SendToEngine } from './create-actions';
import { watchClosedTabs } from './closed-tabs';
import { createHandlers } from './create-handlers';
import { createCtiHandler } from './cti-commands';
import { createLinkHandler } from './handle-link';
import { dialerRequest, openDialer, openPopup } from './open-dialer';
import { createPageDialLimit } from '../../src/call/page-dial-limit';
import { createCommandHandler } from './run-command';
import { toggleDnd } from './toggle-dnd';
import { incomingCallId, REGISTRATION_LOST_ID } from '../shared/notifications-for';
import { showEngineEvent } from './show-engine-event';
import { loadManaged, loadSettings } from '../shared/settings-store';
import { createMaySendTo } from './may-send-to';

const logged = (what: string) => (error: unknown) => logger.error(what, error);

/**
 * Wires the background (Chrome's service worker, Firefox's event page) to the browser: the one message router,
 * the context menu, the keyboard shortcuts and the notification buttons. Every listener is added synchronously at
 * the top level, so an event that wakes the worker finds it. Everything that starts a call goes through `actions`.
 */
export function installBackground(engine: SendToEngine): void {
  const actions = createActions({ loadSettings, engine, openDialer, onEngineEvent: showEngineEvent, uiLocale: chrome.i18n.getUILanguage() });
  const origin = chrome.runtime.getURL('');
  // Links and the CTI page API share one per-tab limit: a page cannot double its calls by using both.
  const pageDialLimit = createPageDialLimit();
  // Selection hints (Chrome) and menus.onShown (Firefox) write the selection item in the order they came.
  const menuUpdates = oneAtATime();
  const route = createRouter<'background', chrome.runtime.MessageSender>(
    createHandlers({
      engine,
      onEngineEvent: showEngineEvent,
      actions,
      onSelection: (text, tabId) =>
        menuUpdates(async () => {
          // Menus are global: a page in a background tab must not set what the user's right-click shows.
          if (tabId === undefined || !(await chrome.tabs.get(tabId).then((tab) => tab.active, () => false))) return;
          await showSelectionMenu(selectionNumber(text, await actions.country()));
        }),
      isClosedTab: watchClosedTabs(),
      pageDialLimit,
      handleLink: createLinkHandler({ actions, pageDialLimit }),
      cti: createCtiHandler({ loadSettings, engine, pageDialLimit, country: actions.country, openDialer }),
      dialerRequest,
      loadManaged,
      maySendTo: createMaySendTo(loadManaged),
    }),
    (sender) => identifySender(sender, chrome.runtime.id, origin),
  );
  chrome.runtime.onMessage.addListener(answerAsync(route, 'Background message'));

  const onMenuClick = createMenuClickHandler(actions);
  // A click compares with what the item showed: the updates that came before it are written first.
  const afterMenuUpdates = () => menuUpdates(() => Promise.resolve());
  menus().onClicked.addListener((info, tab) => void afterMenuUpdates().then(() => onMenuClick(info, tab)).catch(logged('Context menu action failed')));
  if (decidesOnShown()) {
    const onShown = createShownHandler(actions);
    menus().onShown?.addListener((info) => void menuUpdates(() => onShown(info)).catch(logged('Context menu update failed')));
  }
  const create = () => void createContextMenus().catch(logged('Could not create the context menu'));
  chrome.runtime.onInstalled.addListener(create);
  chrome.runtime.onStartup.addListener(create);

  const onCommand = createCommandHandler({ actions, openPopup, toggleDnd });
  chrome.commands.onCommand.addListener((command, tab) => void onCommand(command, tab).catch(logged(`Shortcut ${command} failed`)));

  chrome.notifications.onButtonClicked.addListener((id, button) => {
    const callId = incomingCallId(id);
    if (callId) void actions.call({ action: button === 0 ? 'answer' : 'decline' }, callId).catch(logged('Notification action failed'));
  });
  chrome.notifications.onClicked.addListener((id) => {
    void chrome.notifications.clear(id).catch(() => undefined);
    // The user is told registration was lost: the fix is in the account settings. Calls: the popup.
    const open = id === REGISTRATION_LOST_ID ? () => chrome.runtime.openOptionsPage() : openPopup;
    void open().catch(logged('Could not open Dialable'));
  });
}
