import type { ResolvedTarget } from '../../src/messaging/protocol';
import { oneAtATime } from './one-at-a-time';
import { PAGES, SESSION_KEYS } from '../../src/well-known';

/** `storage.session` (extension contexts only): what the dialer window was last opened for, and that window. */
const REQUEST_KEY = SESSION_KEYS.dialerRequest;
const WINDOW_KEY = SESSION_KEYS.dialerWindow;

interface DialerRequest {
  id: string;
  reason: string;
  confirm: boolean;
}

/** Opening the window is a read-then-create: one at a time, so a burst of requests cannot open two windows. */
const serial = oneAtATime();

/**
 * Opens the dialer, with the number filled in when there is one, in a small popup window (a content-script click
 * carries no user gesture the background could use for `action.openPopup`): when a clicked number cannot be called
 * right away, when it needs the user's confirmation (`confirm`: the confirm dialer), when a menu or shortcut needs
 * the user to check something. There is one such window: a later request reuses it (a page cannot open windows in
 * a loop). The reason sentence stays in the background; the address only carries a random request id.
 */
export function openDialer(target: ResolvedTarget | undefined, reason?: string, confirm = false): Promise<void> {
  return serial(() => show(target, reason, confirm));
}

async function show(target: ResolvedTarget | undefined, reason: string | undefined, confirm: boolean): Promise<void> {
  const params = new URLSearchParams();
  if (target?.kind === 'phone') {
    params.set('dial', target.e164);
    if (target.ext !== undefined) params.set('ext', target.ext);
    if (target.postDial !== undefined) params.set('postDial', target.postDial);
  } else if (target) {
    params.set('dial', target.kind === 'sip' ? target.uri : target.user);
  }
  if (reason) {
    const request: DialerRequest = { id: crypto.randomUUID(), reason, confirm };
    await chrome.storage.session.set({ [REQUEST_KEY]: request });
    params.set('request', request.id);
  }
  const url = chrome.runtime.getURL(`${PAGES.dialer}?${params.toString()}`);
  const known = (await chrome.storage.session.get(WINDOW_KEY))[WINDOW_KEY];
  if (typeof known === 'number') {
    const tab = (await chrome.tabs.query({ windowId: known }).catch(() => []))[0];
    if (tab?.id !== undefined) {
      await chrome.tabs.update(tab.id, { url });
      await chrome.windows.update(known, { focused: true });
      return;
    }
  }
  const created = await chrome.windows.create({ url, type: 'popup', width: 380, height: 600 });
  if (created?.id !== undefined) await chrome.storage.session.set({ [WINDOW_KEY]: created.id });
}

/** The sentence (and whether it is a confirm dialer) for the dialer window opened with `?request=<id>`. */
export async function dialerRequest(id: string): Promise<{ reason: string; confirm: boolean } | undefined> {
  const stored = (await chrome.storage.session.get(REQUEST_KEY))[REQUEST_KEY] as DialerRequest | undefined;
  return stored?.id === id ? { reason: stored.reason, confirm: stored.confirm } : undefined;
}

/** The toolbar popup (from a shortcut, which is a user gesture); the dialer window where the browser refuses. */
export async function openPopup(): Promise<void> {
  try {
    await chrome.action.openPopup();
  } catch {
    await openDialer(undefined);
  }
}
