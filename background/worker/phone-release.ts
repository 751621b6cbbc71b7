// Loaded in a frame of Firefox's event page, and only when a phone window that had registered was closed: removes
// that window's binding at the registrar, then tells the event page. A frame, so the event page itself (woken for
// every page scan) never loads sip.js; see phoneWindowRemoved in background/shared/phone-window.ts.
import { isConfigured, type Account } from '../../src/settings/account';
import { secretStore } from '../../src/settings/secret-store';
import { unregisterContact, type SipContact } from '../engine/unregister-contact';
import { ACCOUNT_KEY, PHONE_RELEASED, phoneContactKey } from '../shared/phone-window';

async function release(windowId: number): Promise<boolean> {
  const key = phoneContactKey(windowId);
  const contact = (await chrome.storage.session.get(key))[key] as SipContact | undefined;
  if (!contact) return true;
  await chrome.storage.session.remove(key);
  const account = await secretStore.get<Account>(ACCOUNT_KEY);
  return account !== undefined && isConfigured(account) && unregisterContact(account, contact);
}

const windowId = Number(new URLSearchParams(location.search).get('window'));
const ok = await release(windowId).catch(() => false);
parent.postMessage({ type: PHONE_RELEASED, windowId, ok }, location.origin);
