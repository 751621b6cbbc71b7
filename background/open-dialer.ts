import browser from 'webextension-polyfill';
import type { ResolvedTarget } from '../src/messaging/protocol';

/**
 * Opens the dialer with the number filled in, in a small popup window (a content-script click carries no user
 * gesture the background could use for `action.openPopup`). Used where no engine host exists yet (Firefox).
 */
export async function openDialer(target: ResolvedTarget): Promise<void> {
  const params = new URLSearchParams();
  if (target.kind === 'phone') {
    params.set('dial', target.e164);
    if (target.ext !== undefined) params.set('ext', target.ext);
  } else {
    params.set('dial', target.kind === 'sip' ? target.uri : target.user);
  }
  await browser.windows.create({
    url: browser.runtime.getURL(`popup/popup.html?${params.toString()}`),
    type: 'popup',
    width: 380,
    height: 600,
  });
}
