import { originPattern } from '../../src/crm/crm-url';

/**
 * Asks the browser for the host permission of exactly one origin (the manifest lists https and loopback http under
 * `optional_host_permissions`; nothing is granted at install). Must be called in the user's click, before any
 * `await`: Firefox refuses a request made after the click's task has ended, Chrome after its short activation.
 */
export function requestOriginPermission(origin: string): Promise<boolean> {
  try {
    return Promise.resolve(chrome.permissions.request({ origins: [originPattern(origin)] })).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Gives up the permission of an origin Dialable no longer sends to. */
export function releaseOriginPermission(origin: string): Promise<boolean> {
  return Promise.resolve(chrome.permissions.remove({ origins: [originPattern(origin)] })).catch(() => false);
}
