import browser from 'webextension-polyfill';
import type { DialTarget } from './resolve-dial-target';

/**
 * Opens the dialer with the number filled in, in a small popup window (a content-script click carries no user
 * gesture the background could use for `action.openPopup`). Replaced by a real call once the SIP engine lands.
 */
export async function openDialer(target: DialTarget): Promise<void> {
  const params = new URLSearchParams();
  if (target.kind === 'phone') {
    params.set('dial', target.e164);
    if (target.ext !== undefined) params.set('ext', target.ext);
  } else {
    params.set('dial', target.uri);
  }
  await browser.windows.create({
    url: browser.runtime.getURL(`popup/popup.html?${params.toString()}`),
    type: 'popup',
    width: 380,
    height: 600,
  });
}
