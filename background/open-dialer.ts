import browser from 'webextension-polyfill';
import type { ResolvedTarget } from '../src/messaging/protocol';

/**
 * Opens the dialer, with the number filled in when there is one, in a small popup window (a content-script click
 * carries no user gesture the background could use for `action.openPopup`): when a clicked number cannot be called
 * right away, when a menu or shortcut needs the user to check something.
 */
export async function openDialer(target: ResolvedTarget | undefined, reason?: string): Promise<void> {
  const params = new URLSearchParams();
  if (target?.kind === 'phone') {
    params.set('dial', target.e164);
    if (target.ext !== undefined) params.set('ext', target.ext);
  } else if (target) {
    params.set('dial', target.kind === 'sip' ? target.uri : target.user);
  }
  if (reason) params.set('reason', reason);
  await browser.windows.create({
    url: browser.runtime.getURL(`popup/popup.html?${params.toString()}`),
    type: 'popup',
    width: 380,
    height: 600,
  });
}

/** The toolbar popup (from a shortcut, which is a user gesture); the dialer window where the browser refuses. */
export async function openPopup(): Promise<void> {
  try {
    await browser.action.openPopup();
  } catch {
    await openDialer(undefined);
  }
}
