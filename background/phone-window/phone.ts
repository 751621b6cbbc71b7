// Firefox's engine host: an extension-owned window opened minimized by the event page (background/shared/phone-window.ts).
// It lives as long as the browser, unlike the MV3 event page, and can take the microphone when it is in front.
import { callStateLabel, CallState, isTerminal } from '../../src/call/call-state';
import { currentCall } from '../../src/call/current-call';
import { RegistrationState } from '../../src/call/registration-state';
import type { EngineSnapshot } from '../../src/call/engine-snapshot';
import { logger } from '../../src/logger';
import { serveEngine } from '../engine/serve-engine';
import { PhoneMicrophone } from './phone-microphone';
import { phoneContactKey } from '../shared/phone-window';
import { incomingCallId } from '../shared/notifications-for';
import { loadSettings, settingsStore } from '../shared/settings-store';
import { localizeDocument, t } from '../../src/i18n';
import { installPhoneKeypad } from './phone-keypad';

const windowId = (await chrome.windows.getCurrent()).id;

/**
 * Only one phone may register: Firefox's session restore can bring a phone window back while the event page opens
 * a new one at start-up. The older window (lower id) wins; a later one closes itself before starting an engine.
 */
async function isSecondPhone(mine: number | undefined): Promise<boolean> {
  if (mine === undefined) return false;
  const phones = await chrome.runtime.getContexts({ contextTypes: ['TAB' as chrome.runtime.ContextType], documentUrls: [location.href.split('#')[0]!] });
  return phones.some((c) => c.windowId < mine);
}
if (windowId !== undefined && (await isSecondPhone(windowId))) {
  await chrome.windows.remove(windowId);
  throw new Error('Another phone window is already running');
}

const microphone = new PhoneMicrophone();
const engine = serveEngine({
  microphone: microphone.take,
  prepareMicrophone: microphone.prepare,
  // If the user closes this window, the event page removes exactly this registration (background/shared/phone-window.ts).
  onContact: (contact) => {
    if (windowId !== undefined) void chrome.storage.session.set({ [phoneContactKey(windowId)]: contact }).catch(() => undefined);
  },
});
// Closing the window: hang up while the WebSocket is still open (the event page then unregisters).
addEventListener('pagehide', () => engine.shutdown());
// Reachable from the browser console and the e2e tests; web pages and content scripts cannot reach this page.
Object.assign(globalThis, { dialableEngine: engine });

// Chrome's service worker pushes settings to the offscreen document; this page has every API and reads them itself.
const applySettings = () =>
  loadSettings()
    .then((settings) => engine.applySettings(settings))
    .catch((error: unknown) => logger.warn('Could not read the settings', error));
void applySettings();
settingsStore.watch(() => void applySettings());

// A click on the incoming-call notification brings this window (with its Answer button) to the front.
chrome.notifications.onClicked.addListener((id) => {
  if (incomingCallId(id)) void microphone.bringToFront();
});

localizeDocument(document, 'phoneTitle');
const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
for (const action of ['answer', 'decline', 'hangup'] as const) {
  byTestId(action).addEventListener('click', () => {
    // Answer and decline are for the caller ringing in, also while another call goes on; hang up ends the live call.
    const calls = engine.snapshot().calls;
    const call = action === 'hangup' ? currentCall(calls) : calls.find((c) => c.state === CallState.Incoming);
    void engine.act(call?.id, { action });
  });
}

const renderKeypad = installPhoneKeypad(document, (action) => void engine.act(currentCall(engine.snapshot().calls)?.id, action));

let busy = false;
/** The window's own small view of the engine (a snapshot a second; the popup is the full UI). */
function render(snapshot: EngineSnapshot): void {
  byTestId('registration').textContent = snapshot.registration.state === RegistrationState.Registered ? t('registrationRegistered', snapshot.registration.aor ?? '') : snapshot.registration.message;
  const call = currentCall(snapshot.calls);
  byTestId('call-state').textContent = call ? t('phoneCallState', callStateLabel(call.state), call.displayName ?? call.number) : callStateLabel('idle');
  const live = snapshot.calls.filter((c) => !isTerminal(c.state));
  byTestId('answer').hidden = !live.some((c) => c.state === CallState.Incoming);
  byTestId('decline').hidden = byTestId('answer').hidden;
  byTestId('hangup').hidden = live.length === 0 || !byTestId('answer').hidden;
  renderKeypad(call);
  if (busy && live.length === 0) void microphone.callsEnded();
  busy = live.length > 0;
}
setInterval(() => render(engine.snapshot()), 1_000);
render(engine.snapshot());
